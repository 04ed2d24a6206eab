package cn.hotline.intake.domain;

import java.time.Instant;
import java.util.UUID;

/** A recent ticket offered as a possible duplicate of a new one: what the suggestion needs, no caller PII (keys only). */
public record DuplicateCandidate(UUID id, String number, TicketStatus status, String categoryCode, String callerPhoneHmac,
        String callerIdHmac, Instant receivedAt) {
}
