package cn.hotline.support.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers retry an event whose effect failed (database down, lock conflict) before giving up on it. */
@ConfigMapping(prefix = "hotline.consumer")
public interface EventHandlingConfig {

    @WithDefault("8")
    int maxRetries();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
