package cn.hotline.events.payload;

import java.time.Instant;

/** The payload of every {@code notification.*} event; the recipient's phone is masked. */
public record NotificationEvent(
        int schemaVersion,
        String notificationId,
        String ticketId,
        String dedupKey,
        String recipientId,
        String recipientPhoneMasked,
        String templateCode,
        int level,
        String gateway,
        String messageId,
        int segments,
        String status,
        String error,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;
}
