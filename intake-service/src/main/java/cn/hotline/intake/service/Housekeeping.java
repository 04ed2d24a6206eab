package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.hotline.support.redis.RedisConnection;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Opens the Redis connection at start (not on a request's event loop) and purges old idempotency keys. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    /** Clients retry within minutes; a week keeps every sensible retry answered. */
    private static final Duration KEY_RETENTION = Duration.ofDays(7);

    private final RedisConnection redis;
    private final Pool pool;
    private final Clock clock;

    public Housekeeping(RedisConnection redis, Pool pool, Clock clock) {
        this.redis = redis;
        this.pool = pool;
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
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // A key with a window longer than the retention stays until its window has passed.
        return pool.preparedQuery("delete from idempotency_key where created_at < $1 and (expires_at is null or expires_at <= $2)")
                .execute(Tuple.of(now.minus(KEY_RETENTION), now)).replaceWithVoid();
    }
}
