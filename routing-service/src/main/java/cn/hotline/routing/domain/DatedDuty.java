package cn.hotline.routing.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A dated roster entry of one person in one unit for one local date: a {@code SHIFT} (duty from {@code starts}
 * to {@code ends}, {@code ends <= starts} running past midnight) or an {@code OFF} (no weekly duty that date).
 */
public record DatedDuty(String unitCode, String personId, LocalDate date, Kind kind, LocalTime starts,
        LocalTime ends, String roster, String note, UUID swapId, String createdBy) {

    /** The two kinds of dated entry. */
    public enum Kind { SHIFT, OFF }

    public static DatedDuty shift(String unitCode, String personId, LocalDate date, LocalTime starts, LocalTime ends,
            String roster, String note, UUID swapId, String createdBy) {
        return new DatedDuty(unitCode, personId, date, Kind.SHIFT, starts, ends, roster, note, swapId, createdBy);
    }

    public static DatedDuty off(String unitCode, String personId, LocalDate date, String note, UUID swapId,
            String createdBy) {
        return new DatedDuty(unitCode, personId, date, Kind.OFF, null, null, null, note, swapId, createdBy);
    }

    public boolean isShift() {
        return kind == Kind.SHIFT;
    }

    public LocalDateTime start() {
        return date.atTime(starts);
    }

    public LocalDateTime end() {
        return endOf(date, starts, ends);
    }

    /** The end of a duty starting on {@code date}: the same day, or the next one when it runs past midnight. */
    public static LocalDateTime endOf(LocalDate date, LocalTime starts, LocalTime ends) {
        return (starts.isBefore(ends) ? date : date.plusDays(1)).atTime(ends);
    }
}
