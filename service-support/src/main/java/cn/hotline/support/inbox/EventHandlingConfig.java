package cn.hotline.support.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers retry an event whose effect failed (database down, lock conflict) before giving up on it, and how long the inbox remembers. */
@ConfigMapping(prefix = "hotline.consumer")
public interface EventHandlingConfig {

    @WithDefault("8")
    int maxRetries();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * How long an applied event's id is kept (the inbox, {@code processed_event}): longer than the topics keep
     * events (7 days), so whatever Kafka can still deliver again is still recognised as applied.
     */
    @WithDefault("P8D")
    Duration inboxRetention();

    /** How many inbox rows one purge statement deletes (the purge repeats until none is older). */
    @WithDefault("5000")
    int inboxPurgeBatch();
}
