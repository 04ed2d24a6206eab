package cn.hotline.events.payload;

import java.time.Instant;

/** {@code ticket.transferred-out}: a police matter handed to 110, for the police-system adapter. */
public record TicketTransferredOut(
        int schemaVersion,
        String ticketId,
        String number,
        String target,
        String reason,
        String transferredBy,
        Instant transferredAt) {

    public static final int SCHEMA_VERSION = 1;
}
