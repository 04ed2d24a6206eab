package cn.hotline.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a dispatch's handler is chosen among the people on duty in its lead unit ({@code hotline.routing.assignment.*}). */
@ConfigMapping(prefix = "hotline.routing.assignment")
public interface AssignmentConfig {

    /** {@code least-open} (fewest open dispatches, ties to whoever was given work longest ago) or {@code round-robin}. */
    @WithDefault("least-open")
    Policy policy();

    /** The assignment policies. */
    enum Policy { LEAST_OPEN, ROUND_ROBIN }
}
