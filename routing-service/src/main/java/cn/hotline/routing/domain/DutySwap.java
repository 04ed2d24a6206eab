package cn.hotline.routing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded swap (换班): the duty {@code fromPersonId} had on {@code date} given to {@code toPersonId}, who/when/why. */
public record DutySwap(UUID id, String unitCode, LocalDate date, String fromPersonId, String toPersonId,
        String reason, String requestedBy, String recordedBy, Instant recordedAt, String moved) {
}
