package cn.hotline.events.payload;

import java.time.Instant;

/**
 * {@code ticket.closed}: the ticket ended, with the follow-up (回访) result when there was one.
 * {@code closedBy} is {@code FOLLOW_UP} (an operator's call), {@code SMS} (the citizen's SMS survey reply) or
 * {@code AUTO} (follow-up unanswered in time).
 */
public record TicketClosed(
        int schemaVersion,
        String ticketId,
        String number,
        String urgency,
        String kind,
        TerritoryRef territory,
        String resolution,
        String satisfaction,
        String closedBy,
        int reopenCount,
        Instant closedAt) {

    public static final int SCHEMA_VERSION = 1;
}
