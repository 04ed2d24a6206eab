package cn.hotline.support.rest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which unauthenticated paths are rate-limited per client, and how much each client may ask per window. */
@ConfigMapping(prefix = "hotline.public-rate-limit")
public interface PublicRateLimitConfig {

    /** Path prefixes counted (e.g. {@code /open311/}); none: the limiter is off. */
    Optional<List<String>> paths();

    /** Requests one client may make per window on each prefix. */
    @WithDefault("60")
    int max();

    @WithDefault("PT1M")
    Duration window();
}
