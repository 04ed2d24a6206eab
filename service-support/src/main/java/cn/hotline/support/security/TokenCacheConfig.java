package cn.hotline.support.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many verified bearer tokens are remembered, and for how long at most (never past their own expiry). */
@ConfigMapping(prefix = "hotline.auth.token-cache")
public interface TokenCacheConfig {

    /** 0 verifies every request's token afresh. */
    @WithDefault("10000")
    int maxEntries();

    /** Also bounds how long a token stays accepted after its issuer's key was withdrawn. */
    @WithDefault("5m")
    Duration maxAge();
}
