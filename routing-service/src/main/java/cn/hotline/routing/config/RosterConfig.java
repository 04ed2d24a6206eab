package cn.hotline.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the dated roster API ({@code hotline.routing.roster.*}). */
@ConfigMapping(prefix = "hotline.routing.roster")
public interface RosterConfig {

    /** The longest date range one roster query may ask for. */
    @WithDefault("62")
    int maxQueryDays();

    /** The longest date range one imported shift or exception may cover. */
    @WithDefault("366")
    int maxEntryDays();
}
