package cn.hotline.events.payload;

import java.time.Instant;

/** {@code ticket.reopened} (重办): the follow-up found the matter unresolved or the citizen unsatisfied. */
public record TicketReopened(
        int schemaVersion,
        String ticketId,
        String number,
        String kind,
        String urgency,
        String categoryCode,
        TerritoryRef territory,
        String resolution,
        String satisfaction,
        String reason,
        int reopenCount,
        Instant reopenedAt) {

    public static final int SCHEMA_VERSION = 1;
}
