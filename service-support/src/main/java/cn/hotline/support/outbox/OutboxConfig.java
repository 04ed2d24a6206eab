package cn.hotline.support.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes: batch size and batches in flight, how often it polls, send timeout, retention. */
@ConfigMapping(prefix = "hotline.outbox")
public interface OutboxConfig {

    /** CloudEvent {@code source} of this service's events, e.g. {@code /hotline/intake-service}. */
    String source();

    @WithDefault("500")
    int batchSize();

    /** Batches handed to Kafka before the relay waits for the oldest one's acknowledgement. */
    @WithDefault("4")
    int batchesInFlight();

    /**
     * The relay is woken in-process after every commit that wrote an event, and also polls this often: for rows that
     * other replicas wrote while this one held the lock, and as a safety net.
     */
    @WithDefault("250ms")
    Duration pollInterval();

    @WithDefault("15s")
    Duration sendTimeout();

    /** Published rows are kept this long for audit, then deleted. */
    @WithDefault("P1D")
    Duration retention();
}
