package cn.hotline.intake.mapping;

import java.time.Instant;

/**
 * What 110 is handed on transfer-out (JSON body of {@code POST /handovers}). 110 is a police system: it gets the
 * caller's phone in full (officers call back) and the content and address unmasked; the ID number only masked.
 * Events never carry this payload.
 */
public record PoliceHandoverPayload(
        int schemaVersion,
        String handoverId,
        String source,
        String ticketId,
        String ticketNumber,
        String channel,
        String kind,
        String urgency,
        String categoryCode,
        String categoryName,
        String content,
        Location location,
        Caller caller,
        String reason,
        String transferredBy,
        Instant transferredAt,
        Instant occurredAt,
        Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;
    /** Who hands over: the 12345 hotline. */
    public static final String SOURCE = "12345";

    /** Where it happened: the point, the address and the territory codes intake resolved. */
    public record Location(Double lat, Double lon, String address, String countyCode, String townCode, String villageCode) {
    }

    /** Who called: name and phone in full, ID number masked. */
    public record Caller(String name, String phone, String idNumberMasked) {
    }
}
