package cn.hotline.events.payload;

import java.time.Instant;

/** {@code ticket.merged} (并单): {@code ticketId} is the duplicate, which now follows {@code masterTicketId}. */
public record TicketMerged(
        int schemaVersion,
        String ticketId,
        String number,
        String masterTicketId,
        String masterNumber,
        String mergedBy,
        Instant mergedAt) {

    public static final int SCHEMA_VERSION = 1;
}
