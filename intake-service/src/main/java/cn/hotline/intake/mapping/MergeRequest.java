package cn.hotline.intake.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Merge (并单) this ticket into {@code masterTicketId}. */
public record MergeRequest(@NotNull UUID masterTicketId) {
}
