package cn.hotline.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.CloudEventHeaders;
import cn.hotline.support.problem.Swallowed;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them sent. Woken in-process after every commit
 * that wrote an event ({@link OutboxWriter}) and by a short poll, which also picks up rows other replicas wrote while
 * this one held the lock. A run holds a PostgreSQL advisory lock on a connection of its own, so one relay of all
 * replicas publishes at a time (each ticket's events stay in order), but it holds no transaction: it reads a batch,
 * hands it to the producer, reads the next while that one is in flight, and marks each batch published with one
 * statement once Kafka has acknowledged it. Taking the lock rides on the first read (a function, so that the read sees
 * everything committed before the lock was taken), and the lock goes right after the last mark has committed: a run
 * that publishes one batch costs three round trips.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant shared by every instance of a service (each service has its own database). */
    public static final long RELAY_LOCK = 0x686f746c696e65L;
    private static final String COLUMNS = "seq, id, topic, record_key, type, source, subject, occurred_at, payload";
    private static final String SELECT_PENDING = "select " + COLUMNS
            + " from outbox_event where published_at is null and seq > $1 order by seq limit $2";
    // A run's first round trip takes the lock and, if it got it, reads the first batch (R__outbox_relay_take.sql: the
    // read's snapshot is taken after the lock).
    private static final String LOCK_AND_SELECT = "select * from outbox_relay_take($1, $2)";
    private static final String ANY_PENDING = "select 1 from outbox_event where published_at is null limit 1";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now() where seq = any($1)";
    private static final String UNLOCK = "select pg_advisory_unlock(" + RELAY_LOCK + ")";

    /** A batch handed to the producer: its rows and the acknowledgement of all of them. */
    private record InFlight(Long[] seqs, Uni<Void> acked) {
    }

    private final Pool pool;
    private final MutinyEmitter<byte[]> emitter;
    private final OutboxConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private long poller = -1;

    public OutboxRelay(Pool pool, @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
            MutinyEmitter<byte[]> emitter, OutboxConfig config, Clock clock, Vertx vertx) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    // After the messaging wiring (default priority) has connected the emitter; until then wake-ups are ignored.
    // The poll is a Vert.x timer, not @Scheduled: the scheduler's resolution is one second.
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        started.set(true);
        poller = vertx.setPeriodic(config.pollInterval().toMillis(), id -> poll());
        drain();
    }

    void stop(@Observes ShutdownEvent event) {
        started.set(false);
        vertx.cancelTimer(poller);
    }

    /** Publishes everything pending; safe to call any number of times from any thread. */
    public void drain() {
        if (!started.get()) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        pool.withConnection(this::run).subscribe().with(ignored -> finished(), failure -> {
            LOG.warnf("outbox relay: %s; retrying on the next wake-up", failure.toString());
            finished();
        });
    }

    /** One statement, no lock, when nothing is pending: the usual answer where one replica wakes itself. */
    private void poll() {
        if (draining.get()) {
            return;
        }
        pool.query(ANY_PENDING).execute().subscribe().with(rows -> {
            if (rows.size() > 0) {
                drain();
            }
        }, failure -> Swallowed.quietly(LOG, "outbox-poll", failure));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgePublished() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(config.retention());
        return pool.preparedQuery("delete from outbox_event where published_at < $1").execute(Tuple.of(cutoff))
                .replaceWithVoid();
    }

    /** Rows not yet on Kafka, for the readiness of the relay and the admin view. */
    public Uni<Long> pendingCount() {
        return pool.query("select count(*) from outbox_event where published_at is null").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private void finished() {
        draining.set(false);
        if (again.get()) {
            drain();
        }
    }

    private Uni<Void> run(SqlConnection conn) {
        return conn.preparedQuery(LOCK_AND_SELECT).execute(Tuple.of(RELAY_LOCK, config.batchSize())).flatMap(first -> {
            if (!first.iterator().next().getBoolean("held")) {
                return Uni.createFrom().voidItem();
            }
            List<Row> rows = new ArrayList<>(first.size());
            first.forEach(row -> {
                if (row.getValue("seq") != null) {
                    rows.add(row);
                }
            });
            // The last statement of a successful run lets the lock go; a failed run unlocks here. Should the unlock
            // itself fail, the pool closes the broken connection, and PostgreSQL releases a session's locks when it ends.
            return handle(conn, rows, 0L, new ArrayDeque<>())
                    .onFailure().call(() -> conn.query(UNLOCK).execute().onFailure().recoverWithNull());
        });
    }

    private Uni<Void> pump(SqlConnection conn, long cursor, Deque<InFlight> inFlight) {
        return conn.preparedQuery(SELECT_PENDING).execute(Tuple.of(cursor, config.batchSize())).flatMap(rows -> {
            List<Row> read = new ArrayList<>(rows.size());
            rows.forEach(read::add);
            return handle(conn, read, cursor, inFlight);
        });
    }

    /**
     * Hands the rows read after {@code cursor} to the producer and, while fewer than the configured number of batches
     * are in flight, reads on; otherwise waits for the oldest batch's acknowledgement and marks it. A run ends once it
     * has caught up and everything in flight is marked, the lock released with the last mark. The next run starts
     * from the beginning again, so a row whose transaction took a sequence number early but committed late is
     * published then.
     */
    private Uni<Void> handle(SqlConnection conn, List<Row> rows, long cursor, Deque<InFlight> inFlight) {
        long next = cursor;
        if (!rows.isEmpty()) {
            InFlight batch = send(rows);
            inFlight.add(batch);
            next = batch.seqs()[batch.seqs().length - 1];
        }
        if (rows.size() < config.batchSize()) {
            return settleAll(conn, inFlight);
        }
        long from = next;
        if (inFlight.size() < config.batchesInFlight()) {
            return pump(conn, from, inFlight);
        }
        return settle(conn, inFlight.poll()).flatMap(ignored -> pump(conn, from, inFlight));
    }

    private Uni<Void> settleAll(SqlConnection conn, Deque<InFlight> inFlight) {
        InFlight oldest = inFlight.poll();
        if (oldest == null) {
            return conn.query(UNLOCK).execute().replaceWithVoid();
        }
        // The lock goes only once the last mark has committed (the branch above): let go inside the marking statement,
        // it was free while that commit still waited, and another replica's run could read the rows as unpublished.
        return settle(conn, oldest).flatMap(ignored -> settleAll(conn, inFlight));
    }

    private Uni<Void> settle(SqlConnection conn, InFlight batch) {
        return batch.acked().flatMap(acked -> conn.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(batch.seqs())))
                .replaceWithVoid();
    }

    private InFlight send(List<Row> rows) {
        List<Long> seqs = new ArrayList<>(rows.size());
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            seqs.add(row.getLong("seq"));
            sends.add(send(row));
        }
        // Subscribed now, in seq order, so the records go to the producer in that order; memoized so the
        // acknowledgement can be awaited later without sending again.
        Uni<Void> acked = Uni.join().all(sends).andFailFast()
                .ifNoItem().after(config.sendTimeout()).failWith(Unchecked.supplier(
                        () -> new IllegalStateException("Kafka did not acknowledge within " + config.sendTimeout())))
                .replaceWithVoid().memoize().indefinitely();
        acked.subscribe().with(ok -> {
        }, failure -> {
        });
        return new InFlight(seqs.toArray(new Long[0]), acked);
    }

    private Uni<Void> send(Row row) {
        CloudEvent event = new CloudEvent(row.getString("id"), row.getString("source"), row.getString("type"),
                row.getString("subject"), row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .withHeaders(CloudEventHeaders.toHeaders(event))
                .build();
        return emitter.sendMessage(Message.of(event.data()).addMetadata(metadata));
    }
}
