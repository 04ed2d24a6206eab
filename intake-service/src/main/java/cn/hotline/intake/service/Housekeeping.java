package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.hotline.intake.repository.IdempotencyKeyRepository;
import cn.hotline.support.redis.RedisConnection;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Opens the Redis connection at start (not on a request's event loop) and purges old idempotency keys. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    /** Clients retry within minutes; a week keeps every sensible retry answered. */
    private static final Duration KEY_RETENTION = Duration.ofDays(7);

    private final RedisConnection redis;
    private final IdempotencyKeyRepository keys;
    private final Clock clock;

    public Housekeeping(RedisConnection redis, IdempotencyKeyRepository keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    void warmUp(@Observes StartupEvent event) {
        try {
            redis.get();
        } catch (RuntimeException e) {
            LOG.warnf("Redis not reachable at start (%s); counters fall back until it is", e.toString());
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeIdempotencyKeys() {
        Instant now = clock.instant();
        // A key with a window longer than the retention stays until its window has passed.
        return Panache.withTransaction(() -> keys.purge(now.minus(KEY_RETENTION), now)).replaceWithVoid();
    }
}
