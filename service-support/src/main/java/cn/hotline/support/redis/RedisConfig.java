package cn.hotline.support.redis;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where Redis is ({@code hotline.redis.uri}, a Lettuce URI such as {@code redis://127.0.0.1:6379/0}). */
@ConfigMapping(prefix = "hotline.redis")
public interface RedisConfig {

    @WithDefault("redis://127.0.0.1:6379/0")
    String uri();

    @WithDefault("2s")
    Duration commandTimeout();
}
