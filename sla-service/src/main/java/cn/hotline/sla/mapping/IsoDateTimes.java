package cn.hotline.sla.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a date-time parameter: an ISO-8601 instant or offset date-time; a local date-time or a date in a zone. */
public final class IsoDateTimes {

    private IsoDateTimes() {
    }

    /** The instant {@code text} names, read in {@code zone} when it carries no offset; empty when it is not ISO-8601. */
    public static Optional<Instant> parse(String text, ZoneId zone) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException notInstant) {
                try {
                    return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
                } catch (DateTimeParseException notLocal) {
                    try {
                        return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toInstant());
                    } catch (DateTimeParseException notDate) {
                        return Optional.empty();
                    }
                }
            }
        }
    }
}
