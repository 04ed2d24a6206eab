package cn.hotline.support.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An {@link Instant} as the PostgreSQL client binds a {@code timestamptz}: at UTC; null stays null. */
public final class SqlTime {

    private SqlTime() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
