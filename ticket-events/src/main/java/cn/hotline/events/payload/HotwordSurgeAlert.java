package cn.hotline.events.payload;

import java.time.Instant;

/** {@code alert.hotword-surge} (热词预警): a keyword or category rising sharply in a town against its own baseline. */
public record HotwordSurgeAlert(
        int schemaVersion,
        String ticketId,
        String townCode,
        String countyCode,
        String keyword,
        String categoryCode,
        long count,
        double baseline,
        Instant windowStart,
        Instant windowEnd,
        Instant raisedAt) {

    public static final int SCHEMA_VERSION = 1;
}
