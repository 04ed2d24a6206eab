package cn.hotline.notify.mapping;

import java.time.Instant;

import cn.hotline.notify.domain.Notification;
import cn.hotline.support.security.Masking;

/** A notification as the audit API shows it: the recipient's phone masked. */
public record NotificationView(String id, String ticketId, String dispatchId, String stage, int level,
        String recipientId, String recipientRole, String recipientPhone, String templateCode, String text,
        String encoding, int length, int segments, boolean urgent, String gateway, String messageId, String status,
        String error, int attempts, Instant createdAt, Instant sentAt, Instant receiptAt, Instant nextAttemptAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id.toString(), n.ticketId, n.dispatchId, n.stage, n.level, n.recipientId,
                n.recipientRole, Masking.phone(n.recipientPhone), n.templateCode, n.text, n.encoding, n.length,
                n.segments, n.urgent, n.gateway, n.messageId, n.status.name(), n.error, n.attempts, n.createdAt,
                n.sentAt, n.deliveredAt, n.nextAttemptAt);
    }
}
