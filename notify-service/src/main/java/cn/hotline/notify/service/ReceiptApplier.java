package cn.hotline.notify.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.repository.NotificationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Applies stored delivery receipts to their notifications. A receipt can arrive before the send's result is
 * recorded (the SMSC answers fast), so matching happens here, after both are committed, not in the callback.
 */
@ApplicationScoped
public class ReceiptApplier {

    private static final String MATCHED = "select r.message_id, r.state, cast(extract(epoch from r.received_at) * 1000 as bigint),"
            + " cast(p.notification_id as varchar)"
            + " from sms_receipt r join message_part p on p.message_id = r.message_id where not r.applied"
            + " order by r.received_at limit 100 for update of r skip locked";

    private final NotificationRepository notifications;
    private final NotificationRecorder recorder;
    private final Tx tx;

    public ReceiptApplier(NotificationRepository notifications, NotificationRecorder recorder, Tx tx) {
        this.notifications = notifications;
        this.recorder = recorder;
        this.tx = tx;
    }

    public int apply() {
        return tx.run(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery(MATCHED, Object[].class).getResultList())
                .flatMap(rows -> Multi.createFrom().iterable(rows).onItem()
                        .transformToUniAndConcatenate(this::applyOne).collect().asList().map(List::size)));
    }

    private Uni<Void> applyOne(Object[] row) {
        String messageId = (String) row[0];
        String state = (String) row[1];
        Instant receivedAt = Instant.ofEpochMilli(((Number) row[2]).longValue());
        UUID notificationId = UUID.fromString(row[3].toString());
        return notifications.findById(notificationId)
                .flatMap(n -> n == null ? Uni.createFrom().voidItem() : recorder.receipt(n, state, receivedAt))
                .chain(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update sms_receipt set applied = true where message_id = :id")
                        .setParameter("id", messageId).executeUpdate()))
                .replaceWithVoid();
    }
}
