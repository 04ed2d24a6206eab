package cn.hotline.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A recurring on-duty window of one person in local time; {@code ends <= starts} runs past midnight. */
public record DutyWindow(String unitCode, String personId, String days, LocalTime starts, LocalTime ends) {

    /** Whether the window covers the local date-time {@code at}. */
    public boolean covers(LocalDateTime at) {
        Set<DayOfWeek> set = parseDays(days);
        LocalTime time = at.toLocalTime();
        if (starts.isBefore(ends)) {
            return set.contains(at.getDayOfWeek()) && !time.isBefore(starts) && time.isBefore(ends);
        }
        return (set.contains(at.getDayOfWeek()) && !time.isBefore(starts))
                || (set.contains(at.getDayOfWeek().minus(1)) && time.isBefore(ends));
    }

    /** Parses {@code MON-FRI}, {@code SAT,SUN}, {@code MON-SUN} or a mix of both forms. */
    public static Set<DayOfWeek> parseDays(String days) {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String part : days.split(",")) {
            String[] range = part.trim().split("-");
            DayOfWeek from = day(range[0]);
            DayOfWeek to = range.length > 1 ? day(range[1]) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                set.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return set;
    }

    private static DayOfWeek day(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(v) && v.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a day of the week: " + value);
    }
}
