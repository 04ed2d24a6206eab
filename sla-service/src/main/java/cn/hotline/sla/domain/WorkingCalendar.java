package cn.hotline.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Working time of a region: working hours on working weekdays, minus days off, plus make-up working days
 * (调休). Implements domain.md's working-time arithmetic; immutable, so deadline math needs no locks.
 */
public final class WorkingCalendar {

    public static final List<WorkingPeriod> DEFAULT_PERIODS = List.of(
            WorkingPeriod.parse("08:30-12:00"), WorkingPeriod.parse("13:30-17:30"));
    public static final Set<DayOfWeek> DEFAULT_WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** Guards every day-by-day walk: a calendar without a working day in ten years is a broken calendar. */
    private static final int MAX_DAYS = 3_660;

    private final String name;
    private final ZoneId zone;
    private final List<WorkingPeriod> periods;
    private final Set<DayOfWeek> weekdays;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workdays;

    public WorkingCalendar(String name, ZoneId zone, List<WorkingPeriod> periods, Set<DayOfWeek> weekdays,
            Set<LocalDate> daysOff, Set<LocalDate> workdays) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs working hours");
        }
        List<WorkingPeriod> sorted = periods.stream().sorted(Comparator.comparing(WorkingPeriod::start)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap: " + sorted.get(i - 1) + ", " + sorted.get(i));
            }
        }
        this.name = name;
        this.zone = zone;
        this.periods = sorted;
        this.weekdays = Set.copyOf(weekdays);
        this.daysOff = Set.copyOf(daysOff);
        this.workdays = Set.copyOf(workdays);
    }

    /** The default working hours with no holidays, for a calendar that has not been imported yet. */
    public static WorkingCalendar defaults(String name) {
        return new WorkingCalendar(name, DEFAULT_ZONE, DEFAULT_PERIODS, DEFAULT_WEEKDAYS, Set.of(), Set.of());
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<WorkingPeriod> periods() {
        return periods;
    }

    public Set<DayOfWeek> weekdays() {
        return weekdays;
    }

    public Set<LocalDate> daysOff() {
        return daysOff;
    }

    public Set<LocalDate> workdays() {
        return workdays;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workdays.contains(date)) {
            return true;
        }
        return !daysOff.contains(date) && weekdays.contains(date.getDayOfWeek());
    }

    /** The deadline for {@code duration} from {@code start}, per domain.md's one rule. */
    public Instant deadline(Instant start, SlaDuration duration, TimeMode mode) {
        if (mode == TimeMode.CLOCK) {
            ZonedDateTime end = start.atZone(zone).plusMonths(duration.months());
            return end.toInstant().plus(Duration.ofDays(duration.days())).plus(duration.time());
        }
        Instant end = start;
        if (duration.months() > 0) {
            end = nextWorkingMoment(end.atZone(zone).plusMonths(duration.months()).toInstant());
        }
        if (duration.days() > 0) {
            end = addWorkingDays(end, duration.days());
        }
        if (!duration.time().isZero()) {
            end = addWorkingTime(end, duration.time());
        }
        return end;
    }

    /** {@code start} itself when inside working hours, else the next opening. */
    public Instant nextWorkingMoment(Instant start) {
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
        return at(nextWorkingDay(date), periods.get(0).start());
    }

    /** The same time of day on the {@code days}-th working day after {@code start} (or after the next opening). */
    public Instant addWorkingDays(Instant start, int days) {
        ZonedDateTime from = nextWorkingMoment(start).atZone(zone);
        LocalDate date = from.toLocalDate();
        for (int i = 0; i < days; i++) {
            date = nextWorkingDay(date);
        }
        return at(date, from.toLocalTime());
    }

    /** {@code start} plus {@code amount} of time counted only inside working hours. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        Duration left = amount;
        Instant cursor = start;
        for (int guard = 0; guard < MAX_DAYS * periods.size(); guard++) {
            cursor = nextWorkingMoment(cursor);
            ZonedDateTime at = cursor.atZone(zone);
            WorkingPeriod period = periodAt(at.toLocalTime());
            Instant periodEnd = at(at.toLocalDate(), period.end());
            Duration available = Duration.between(cursor, periodEnd);
            if (left.compareTo(available) <= 0) {
                return cursor.plus(left);
            }
            left = left.minus(available);
            cursor = periodEnd;
        }
        throw new IllegalStateException("calendar " + name + " has no working time for " + amount);
    }

    /** Working time inside {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant start = max(from, at(date, period.start()));
                Instant end = min(to, at(date, period.end()));
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Moves {@code from} forward by {@code amount} measured the way {@code mode} measures. */
    public Instant advance(Instant from, Duration amount, TimeMode mode) {
        if (amount.isZero()) {
            return from;
        }
        return mode == TimeMode.CLOCK ? from.plus(amount) : addWorkingTime(from, amount);
    }

    /** The time between two instants measured the way {@code mode} measures. */
    public Duration measure(Instant from, Instant to, TimeMode mode) {
        if (mode == TimeMode.CLOCK) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }
        return workingTimeBetween(from, to);
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, next = next.plusDays(1)) {
            if (isWorkingDay(next)) {
                return next;
            }
        }
        throw new IllegalStateException("calendar " + name + " has no working day after " + date);
    }

    private WorkingPeriod periodAt(LocalTime time) {
        return periods.stream().filter(p -> p.contains(time)).findFirst()
                .orElseThrow(() -> new IllegalStateException(time + " is outside working hours"));
    }

    private Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
