package cn.hotline.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.Topics;
import cn.hotline.support.repository.SessionSql;
import cn.hotline.support.repository.SqlTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends an event to the outbox table inside the caller's open transaction, so the change and its
 * event commit together or not at all, and wakes this instance's relay once that transaction has committed.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = "insert into outbox_event"
            + " (id, topic, record_key, type, source, subject, occurred_at, payload)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (id) do nothing";
    private static final String INSERT_ALL = "insert into outbox_event"
            + " (id, topic, record_key, type, source, subject, occurred_at, payload)"
            + " select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],"
            + " $6::varchar[], $7::timestamptz[], $8::text[]) on conflict (id) do nothing";

    /** One event of {@link #appendAll}: a caller-chosen (deterministic) id, its type, ticket and payload. */
    public record Entry(String eventId, String type, String ticketId, Object payload) {
    }

    private final OutboxConfig config;
    private final Clock clock;
    private final OutboxRelay relay;

    public OutboxWriter(OutboxConfig config, Clock clock, OutboxRelay relay) {
        this.config = config;
        this.clock = clock;
        this.relay = relay;
    }

    /** Appends an event with a fresh random id. Must run inside {@code Panache.withTransaction}. */
    public Uni<CloudEvent> append(String type, String ticketId, Object payload) {
        return append(UUID.randomUUID().toString(), type, ticketId, payload);
    }

    /** Appends an event with a caller-chosen (deterministic) id; a second append of the same id is ignored. */
    public Uni<CloudEvent> append(String eventId, String type, String ticketId, Object payload) {
        CloudEvent event = new CloudEvent(eventId, config.source(), type, ticketId, clock.instant(),
                EventCodec.encode(payload));
        return Panache.getSession().flatMap(session -> insert(session, event).invoke(() -> wakeAfterCommit(session)))
                .replaceWith(event);
    }

    /**
     * Appends many events with caller-chosen ids in ONE statement on {@code conn}, inside the caller's open
     * transaction on that connection (for set-based paths on the Vert.x pool); a repeated id is ignored.
     */
    public Uni<Void> appendAll(SqlConnection conn, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
        OffsetDateTime now = SqlTime.utc(clock.instant());
        String[] ids = new String[n];
        String[] topics = new String[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] subjects = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Entry entry = entries.get(i);
            ids[i] = entry.eventId();
            topics[i] = Topics.forType(entry.type());
            types[i] = entry.type();
            sources[i] = config.source();
            subjects[i] = entry.ticketId();
            times[i] = now;
            payloads[i] = new String(EventCodec.encode(entry.payload()), StandardCharsets.UTF_8);
        }
        return conn.preparedQuery(INSERT_ALL)
                .execute(Tuple.from(List.of(ids, topics, subjects, types, sources, subjects, times, payloads)))
                .invoke(() -> AfterCommit.onConnection(conn, relay::drain))
                .replaceWithVoid();
    }

    // Where no commit callback can be registered (AfterCommit says why, once), the relay's poll finds the row.
    private void wakeAfterCommit(Mutiny.Session session) {
        AfterCommit.onSession(session, relay::drain);
    }

    private Uni<Integer> insert(Mutiny.Session session, CloudEvent event) {
        return SessionSql.write(session, INSERT, event.id(), Topics.forType(event.type()), event.subject(), event.type(),
                event.source(), event.subject(), SqlTime.utc(event.time()), new String(event.data(), StandardCharsets.UTF_8));
    }
}
