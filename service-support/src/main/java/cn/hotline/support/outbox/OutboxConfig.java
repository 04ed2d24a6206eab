package cn.hotline.support.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes: batch size, how often it looks for rows left by others, send timeout. */
@ConfigMapping(prefix = "hotline.outbox")
public interface OutboxConfig {

    /** CloudEvent {@code source} of this service's events, e.g. {@code /hotline/intake-service}. */
    String source();

    @WithDefault("500")
    int batchSize();

    /** Safety net: the relay is woken after every commit, and also polls this often. */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("15s")
    Duration sendTimeout();

    /** Published rows are kept this long for audit, then deleted. */
    @WithDefault("P1D")
    Duration retention();
}
