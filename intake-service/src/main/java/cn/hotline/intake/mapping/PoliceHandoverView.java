package cn.hotline.intake.mapping;

import java.time.Instant;
import java.util.UUID;

/** A hand-over to 110 as operators see it: its state and attempts, never its content (no PII). */
public record PoliceHandoverView(
        UUID id,
        UUID ticketId,
        String ticketNumber,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        String lastError,
        String acknowledgementId,
        Instant acknowledgedAt,
        Instant createdAt) {
}
