package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.support.redis.RedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** Per-recipient fixed-window counter in Redis (shared by every instance); urgent messages never ask it. */
@ApplicationScoped
public class RateLimiter {

    private final RedisConnection redis;
    private final NotifyConfig config;
    private final Clock clock;

    public RateLimiter(RedisConnection redis, NotifyConfig config, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
    }

    /** Takes one slot for {@code recipientId}; empty when allowed, else when the next window opens. */
    public Optional<Instant> acquire(String recipientId) {
        long window = config.rateLimit().window().toMillis();
        long index = clock.millis() / window;
        String key = "notify:rate:" + recipientId + ":" + index;
        RedisCommands<String, String> commands = redis.get().sync();
        long count = commands.incr(key);
        if (count == 1) {
            commands.pexpire(key, window * 2);
        }
        return count <= config.rateLimit().max() ? Optional.empty() : Optional.of(Instant.ofEpochMilli((index + 1) * window));
    }
}
