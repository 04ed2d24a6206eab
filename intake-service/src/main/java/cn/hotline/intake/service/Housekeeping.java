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

/**
 * Opens the Redis connection at start (not on a request's event loop), purges old idempotency keys, re-seals caller data
 * not under the current key and anonymises caller data past its retention.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    /** Clients retry within minutes; a week keeps every sensible retry answered. */
    private static final Duration KEY_RETENTION = Duration.ofDays(7);

    private final RedisConnection redis;
    private final IdempotencyKeyRepository keys;
    private final Clock clock;
    private final CallerDataUpkeep callerData;

    public Housekeeping(RedisConnection redis, IdempotencyKeyRepository keys, Clock clock, CallerDataUpkeep callerData) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
        this.callerData = callerData;
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

    @Scheduled(every = "${hotline.intake.pii.reseal-every:1m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resealCallerData() {
        return callerData.resealNext()
                .invoke(sealed -> {
                    if (sealed > 0) {
                        LOG.infof("re-sealed the caller data of %d tickets under the current PII key", sealed);
                    }
                })
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> anonymiseExpiredCallerData() {
        return callerData.anonymiseExpired()
                .invoke(cleared -> {
                    if (cleared > 0) {
                        LOG.infof("anonymised the caller data of %d tickets past the retention", cleared);
                    }
                })
                .replaceWithVoid();
    }
}
