package cn.hotline.sla.mapping;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import cn.hotline.sla.domain.SlaDuration;
import cn.hotline.sla.domain.TimeMode;
import cn.hotline.support.problem.ProblemException;

/** A deadline question as asked: the start (read in the calendar's zone), the duration, and how time counts. */
public record DeadlineQuestion(String start, SlaDuration duration, TimeMode mode) {

    /** Checks the mode (default working) and the duration; the start is read once the calendar is known. */
    public static DeadlineQuestion parse(String start, String duration, String mode) {
        TimeMode timeMode = mode(mode);
        try {
            return new DeadlineQuestion(start, SlaDuration.parse(duration), timeMode);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("duration", e.getMessage());
        }
    }

    /** The start instant; a local date-time or date is read in {@code zone}. */
    public Instant startIn(ZoneId zone) {
        if (start == null || start.isBlank()) {
            throw ProblemException.badRequest("start", "is required (ISO-8601, e.g. 2026-09-30T16:00:00+08:00)");
        }
        return IsoDateTimes.parse(start, zone).orElseThrow(() -> ProblemException.badRequest("start",
                "'" + start + "' is not an ISO-8601 date-time"));
    }

    private static TimeMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return TimeMode.WORKING;
        }
        try {
            return TimeMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("mode", "must be working or clock");
        }
    }
}
