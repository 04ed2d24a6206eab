package cn.hotline.notify.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Delivery receipts as the SMSC sent them, stored first and applied to their notifications later (runs in the caller's transaction). */
@ApplicationScoped
public class SmsReceiptRepository {

    /** A stored receipt whose message part is known: which notification it belongs to. */
    public record Matched(String messageId, String state, Instant receivedAt, UUID notificationId) {
    }

    private static final String MATCHED = "select r.message_id, r.state, cast(extract(epoch from r.received_at) * 1000 as bigint),"
            + " cast(p.notification_id as varchar)"
            + " from sms_receipt r join message_part p on p.message_id = r.message_id where not r.applied"
            + " order by r.received_at limit 100 for update of r skip locked";

    /** Stores a receipt once (the SMSC may repeat it). */
    public Uni<Integer> store(String messageId, String state, Instant doneAt, Instant receivedAt) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into sms_receipt (message_id, state,"
                        + " done_at, received_at, applied) values (:id, :state, :done, :received, false)"
                        + " on conflict (message_id) do nothing")
                .setParameter("id", messageId).setParameter("state", state).setParameter("done", doneAt)
                .setParameter("received", receivedAt).executeUpdate());
    }

    /** Up to 100 unapplied receipts whose send is recorded, oldest first, locked against other replicas. */
    public Uni<List<Matched>> lockMatched() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(MATCHED, Object[].class).getResultList())
                .map(rows -> rows.stream().map(row -> new Matched((String) row[0], (String) row[1],
                        Instant.ofEpochMilli(((Number) row[2]).longValue()), UUID.fromString(row[3].toString()))).toList());
    }

    public Uni<Integer> markApplied(String messageId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("update sms_receipt set applied = true where message_id = :id")
                .setParameter("id", messageId).executeUpdate());
    }
}
