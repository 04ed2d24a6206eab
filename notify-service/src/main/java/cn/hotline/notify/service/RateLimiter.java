package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.support.redis.FixedWindow;
import cn.hotline.support.redis.RedisConnection;

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
        FixedWindow slot = FixedWindow.take(redis.get().sync(), "notify:rate:" + recipientId, config.rateLimit().window(),
                clock.millis());
        return slot.count() <= config.rateLimit().max() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(slot.endsAtMillis()));
    }
}
