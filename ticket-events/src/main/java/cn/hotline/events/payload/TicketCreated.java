package cn.hotline.events.payload;

import java.time.Instant;
import java.util.List;

/** {@code ticket.created}: everything routing and SLA need to act on a new ticket; phone numbers masked. */
public record TicketCreated(
        int schemaVersion,
        String ticketId,
        String number,
        String channel,
        String kind,
        String urgency,
        String categoryCode,
        String categoryName,
        String summary,
        TerritoryRef territory,
        Double lat,
        Double lon,
        String address,
        List<String> flags,
        String callerPhoneMasked,
        Instant occurredAt,
        Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;
}
