package cn.hotline.support.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Forgets applied events older than {@code hotline.consumer.inbox-retention}, in bounded deletes so that no purge
 * holds many locks or one long transaction; without it {@code processed_event} grows by every event forever.
 */
@ApplicationScoped
public class InboxPurge {

    private static final Logger LOG = Logger.getLogger(InboxPurge.class);
    private static final String DELETE_OLDEST = "delete from processed_event where ctid in (select ctid from processed_event"
            + " where processed_at < $1 limit $2)";

    private final Pool pool;
    private final EventHandlingConfig config;
    private final Clock clock;

    public InboxPurge(Pool pool, EventHandlingConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${hotline.consumer.inbox-purge-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return purge().invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("inbox: forgot %d applied events older than %s", deleted, config.inboxRetention());
            }
        }).replaceWithVoid();
    }

    /** Deletes every inbox row older than the retention; how many. */
    public Uni<Integer> purge() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(config.inboxRetention()), ZoneOffset.UTC);
        return deleteFrom(cutoff, 0);
    }

    private Uni<Integer> deleteFrom(OffsetDateTime cutoff, int sofar) {
        return pool.preparedQuery(DELETE_OLDEST).execute(Tuple.of(cutoff, config.inboxPurgeBatch()))
                .flatMap(rows -> rows.rowCount() < config.inboxPurgeBatch() ? Uni.createFrom().item(sofar + rows.rowCount())
                        : deleteFrom(cutoff, sofar + rows.rowCount()));
    }
}
