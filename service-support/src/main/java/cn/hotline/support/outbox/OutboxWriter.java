package cn.hotline.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Appends an event to the outbox table inside the caller's open transaction, so the change and its
 * event commit together or not at all. A trigger on the table sends a PostgreSQL NOTIFY, which is
 * delivered only on commit and wakes the relay of every instance.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = "insert into outbox_event"
            + " (id, topic, record_key, type, source, subject, occurred_at, payload)"
            + " values (:id, :topic, :key, :type, :source, :subject, :occurredAt, :payload)";

    private final OutboxConfig config;
    private final Clock clock;

    public OutboxWriter(OutboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Appends an event with a fresh random id. Must run inside {@code Panache.withTransaction}. */
    public Uni<CloudEvent> append(String type, String ticketId, Object payload) {
        return append(UUID.randomUUID().toString(), type, ticketId, payload);
    }

    /** Appends an event with a caller-chosen (deterministic) id; a second append of the same id is ignored. */
    public Uni<CloudEvent> append(String eventId, String type, String ticketId, Object payload) {
        CloudEvent event = new CloudEvent(eventId, config.source(), type, ticketId, clock.instant(),
                EventCodec.encode(payload));
        return Panache.getSession().flatMap(session -> insert(session, event)).replaceWith(event);
    }

    private Uni<Integer> insert(Mutiny.Session session, CloudEvent event) {
        return session.createNativeQuery(INSERT + " on conflict (id) do nothing")
                .setParameter("id", event.id())
                .setParameter("topic", Topics.forType(event.type()))
                .setParameter("key", event.subject())
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("subject", event.subject())
                .setParameter("occurredAt", OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .setParameter("payload", new String(event.data(), StandardCharsets.UTF_8))
                .executeUpdate();
    }
}
