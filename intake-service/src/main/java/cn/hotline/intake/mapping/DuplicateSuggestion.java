package cn.hotline.intake.mapping;

import java.time.Instant;
import java.util.UUID;

/** A recent ticket that may be the same matter; {@code reason} is SAME_CALLER or SAME_PLACE_AND_CATEGORY. */
public record DuplicateSuggestion(UUID id, String number, String status, String reason, Instant receivedAt) {
}
