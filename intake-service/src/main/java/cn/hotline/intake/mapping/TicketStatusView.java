package cn.hotline.intake.mapping;

import java.time.Instant;

/** What a citizen sees when looking a ticket up by number: progress only, no personal data; a merged ticket shows its master's. */
public record TicketStatusView(String number, String status, String kind, String categoryName, String countyCode,
        String townCode, Instant receivedAt, Instant updatedAt, Instant closedAt, String mergedInto, String masterStatus) {
}
