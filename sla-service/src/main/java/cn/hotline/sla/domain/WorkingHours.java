package cn.hotline.sla.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which moments are working time in a zone: working periods (sorted, not overlapping) on working weekdays, minus
 * days off, plus make-up working days (调休). {@link WorkingCalendar} does the arithmetic on top of it.
 */
public record WorkingHours(ZoneId zone, List<WorkingPeriod> periods, Set<DayOfWeek> weekdays, Set<LocalDate> daysOff,
        Set<LocalDate> workdays) {

    /** Guards every day-by-day walk: a calendar without a working day in ten years is a broken calendar. */
    static final int MAX_DAYS = 3_660;

    public WorkingHours {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs working hours");
        }
        List<WorkingPeriod> sorted = periods.stream().sorted(Comparator.comparing(WorkingPeriod::start)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap: " + sorted.get(i - 1) + ", " + sorted.get(i));
            }
        }
        periods = sorted;
        weekdays = Set.copyOf(weekdays);
        daysOff = Set.copyOf(daysOff);
        workdays = Set.copyOf(workdays);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workdays.contains(date)) {
            return true;
        }
        return !daysOff.contains(date) && weekdays.contains(date.getDayOfWeek());
    }

    /** {@code start} itself when inside working hours, else the next opening. */
    public Instant nextWorkingMoment(Instant start, String calendar) {
        ZonedDateTime at = start.atZone(zone);
        LocalDate date = at.toLocalDate();
        LocalTime time = at.toLocalTime();
        if (isWorkingDay(date)) {
            for (WorkingPeriod period : periods) {
                if (period.contains(time)) {
                    return start;
                }
                if (time.isBefore(period.start())) {
                    return at(date, period.start());
                }
            }
        }
        return at(nextWorkingDay(date, calendar), periods.get(0).start());
    }

    /** The first working day after {@code date}; {@code calendar} names the calendar in the error of a broken one. */
    public LocalDate nextWorkingDay(LocalDate date, String calendar) {
        LocalDate next = date.plusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, next = next.plusDays(1)) {
            if (isWorkingDay(next)) {
                return next;
            }
        }
        throw new IllegalStateException("calendar " + calendar + " has no working day after " + date);
    }

    /** The working period that contains {@code time} (which must be inside working hours). */
    public WorkingPeriod periodAt(LocalTime time) {
        return periods.stream().filter(p -> p.contains(time)).findFirst()
                .orElseThrow(() -> new IllegalStateException(time + " is outside working hours"));
    }

    /** {@code time} on {@code date} in this zone. */
    public Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }
}
