package cn.hotline.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A named working calendar and domain.md's working-time arithmetic on it (deadlines, adding and measuring working
 * time); which moments are working time is its {@link WorkingHours}. Immutable, so deadline math needs no locks.
 */
public final class WorkingCalendar {

    public static final List<WorkingPeriod> DEFAULT_PERIODS = List.of(
            WorkingPeriod.parse("08:30-12:00"), WorkingPeriod.parse("13:30-17:30"));
    public static final Set<DayOfWeek> DEFAULT_WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final String name;
    private final WorkingHours hours;

    public WorkingCalendar(String name, ZoneId zone, List<WorkingPeriod> periods, Set<DayOfWeek> weekdays,
            Set<LocalDate> daysOff, Set<LocalDate> workdays) {
        this.name = name;
        this.hours = new WorkingHours(zone, periods, weekdays, daysOff, workdays);
    }

    /** The default working hours with no holidays, for a calendar that has not been imported yet. */
    public static WorkingCalendar defaults(String name) {
        return new WorkingCalendar(name, DEFAULT_ZONE, DEFAULT_PERIODS, DEFAULT_WEEKDAYS, Set.of(), Set.of());
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return hours.zone();
    }

    public List<WorkingPeriod> periods() {
        return hours.periods();
    }

    public Set<DayOfWeek> weekdays() {
        return hours.weekdays();
    }

    public Set<LocalDate> daysOff() {
        return hours.daysOff();
    }

    public Set<LocalDate> workdays() {
        return hours.workdays();
    }

    public boolean isWorkingDay(LocalDate date) {
        return hours.isWorkingDay(date);
    }

    /** The deadline for {@code duration} from {@code start}, per domain.md's one rule. */
    public Instant deadline(Instant start, SlaDuration duration, TimeMode mode) {
        if (mode == TimeMode.CLOCK) {
            ZonedDateTime end = start.atZone(hours.zone()).plusMonths(duration.months());
            return end.toInstant().plus(Duration.ofDays(duration.days())).plus(duration.time());
        }
        Instant end = start;
        if (duration.months() > 0) {
            end = nextWorkingMoment(end.atZone(hours.zone()).plusMonths(duration.months()).toInstant());
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
        return hours.nextWorkingMoment(start, name);
    }

    /** The same time of day on the {@code days}-th working day after {@code start} (or after the next opening). */
    public Instant addWorkingDays(Instant start, int days) {
        ZonedDateTime from = nextWorkingMoment(start).atZone(hours.zone());
        LocalDate date = from.toLocalDate();
        for (int i = 0; i < days; i++) {
            date = hours.nextWorkingDay(date, name);
        }
        return hours.at(date, from.toLocalTime());
    }

    /** {@code start} plus {@code amount} of time counted only inside working hours. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        Duration left = amount;
        Instant cursor = start;
        for (int guard = 0; guard < WorkingHours.MAX_DAYS * hours.periods().size(); guard++) {
            cursor = nextWorkingMoment(cursor);
            ZonedDateTime at = cursor.atZone(hours.zone());
            WorkingPeriod period = hours.periodAt(at.toLocalTime());
            Instant periodEnd = hours.at(at.toLocalDate(), period.end());
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
        LocalDate last = to.atZone(hours.zone()).toLocalDate();
        for (LocalDate date = from.atZone(hours.zone()).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!hours.isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod period : hours.periods()) {
                Instant start = max(from, hours.at(date, period.start()));
                Instant end = min(to, hours.at(date, period.end()));
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

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
