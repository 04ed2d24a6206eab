package cn.hotline.events.payload;

import java.time.Instant;

/**
 * {@code ticket.awaiting-follow-up}: the lead unit completed its dispatch and the ticket now waits for the
 * follow-up (回访); notify sends the citizen the completion SMS with the survey. No phone number in it.
 */
public record TicketAwaitingFollowUp(
        int schemaVersion,
        String ticketId,
        String number,
        String urgency,
        String kind,
        String categoryCode,
        TerritoryRef territory,
        String dispatchId,
        Instant completedAt) {

    public static final int SCHEMA_VERSION = 1;
}
