package cn.hotline.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.CloudEventHeaders;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them sent. Woken by NOTIFY after
 * every commit ({@link OutboxListener}) and by a slow poll. An advisory lock lets one relay of all
 * instances publish at a time, which keeps each ticket's events in order; FOR UPDATE SKIP LOCKED keeps
 * a row from ever being taken twice.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant shared by every instance of a service (each service has its own database). */
    public static final long RELAY_LOCK = 0x686f746c696e65L;
    private static final String SELECT_PENDING = "select seq, id, topic, record_key, type, source, subject,"
            + " occurred_at, payload from outbox_event where published_at is null"
            + " order by seq limit $1 for update skip locked";

    private final Pool pool;
    private final MutinyEmitter<byte[]> emitter;
    private final OutboxConfig config;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxRelay(Pool pool, @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
            MutinyEmitter<byte[]> emitter, OutboxConfig config, Clock clock) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
    }

    /** Called once the application (and its Kafka channel) is up; until then wake-ups are ignored. */
    void start() {
        started.set(true);
        drain();
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
        Multi.createBy().repeating().uni(this::publishBatch).whilst(published -> published == config.batchSize())
                .collect().last()
                .subscribe().with(ignored -> finished(), failure -> {
                    LOG.warnf("outbox relay: %s; retrying on the next wake-up", failure.toString());
                    finished();
                });
    }

    // Not before start-up has finished: the outbox channel is wired late, and a poll that creates the relay earlier
    // fails (an ERROR with a stack trace every second of a slow start, e.g. a restart under load).
    @Scheduled(every = "${hotline.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
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

    private Uni<Integer> publishBatch() {
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").execute()
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? publishLocked(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishLocked(SqlConnection conn) {
        return conn.preparedQuery(SELECT_PENDING).execute(Tuple.of(config.batchSize())).flatMap(rows -> {
            List<Long> seqs = new ArrayList<>();
            List<Uni<Void>> sends = new ArrayList<>();
            for (Row row : rows) {
                seqs.add(row.getLong("seq"));
                sends.add(send(row));
            }
            if (sends.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Uni.join().all(sends).andFailFast()
                    .ifNoItem().after(config.sendTimeout()).failWith(Unchecked.supplier(
                            () -> new IllegalStateException("Kafka did not acknowledge within " + config.sendTimeout())))
                    .flatMap(sent -> conn.preparedQuery("update outbox_event set published_at = now() where seq = any($1)")
                            .execute(Tuple.of(seqs.toArray(new Long[0]))))
                    .replaceWith(seqs.size());
        });
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
