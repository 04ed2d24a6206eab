package cn.hotline.sla.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.Satisfaction;
import cn.hotline.sla.domain.DispatchFact;
import cn.hotline.sla.domain.TicketFact;
import cn.hotline.sla.repository.DispatchFactRepository;
import cn.hotline.sla.repository.TicketFactRepository;
import cn.hotline.support.security.Territory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Computes the KPIs of domain.md ("Measures people are judged by") per unit, town or county from KPI facts. */
@ApplicationScoped
public class KpiService {

    static final String RESOLVED = "RESOLVED";
    private static final ZoneId ZONE = cn.hotline.sla.domain.WorkingCalendar.DEFAULT_ZONE;
    static final String NONE = "-";

    private final DispatchFactRepository dispatches;
    private final TicketFactRepository tickets;
    private final Clock clock;

    public KpiService(DispatchFactRepository dispatches, TicketFactRepository tickets, Clock clock) {
        this.dispatches = dispatches;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** How the KPIs are grouped. */
    public enum GroupBy {
        UNIT, TOWN, COUNTY, CITY
    }

    /** The one group of {@code groupBy=city}: every ticket and dispatch of the window. */
    public static final String CITY_KEY = "CITY";

    /** Calendar buckets a report can be split into (local dates in the suite's zone; weeks start on Monday). */
    public enum Period {
        DAY, WEEK, MONTH;

        LocalDate start(Instant at, ZoneId zone) {
            LocalDate date = at.atZone(zone).toLocalDate();
            return switch (this) {
                case DAY -> date;
                case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> date.withDayOfMonth(1);
            };
        }
    }

    /**
     * The KPIs of one group ({@code period}: the first day of its day, week or month when the report is split by
     * one, else null); a rate is null when it has no denominator.
     */
    public record GroupKpis(String key, String period, long dispatches, long tickets, Double onTimeSignRate, Double onTimeArrivalRate,
            Double onTimeCloseRate, Double threeDayCloseRate, Double responseRate, Double resolutionRate,
            Double satisfactionRate, Double returnRate, Double firstTimeResolutionRate, long overdueCount,
            String averageHandlingTime, Long averageHandlingSeconds) {

        GroupKpis inPeriod(String start) {
            return new GroupKpis(key, start, dispatches, tickets, onTimeSignRate, onTimeArrivalRate, onTimeCloseRate,
                    threeDayCloseRate, responseRate, resolutionRate, satisfactionRate, returnRate, firstTimeResolutionRate,
                    overdueCount, averageHandlingTime, averageHandlingSeconds);
        }
    }

    /** The answer of a KPI query. */
    public record KpiReport(String groupBy, String period, Instant from, Instant to, List<GroupKpis> groups) {
    }

    /**
     * The KPIs of the window over what {@code territory} covers (a desk kept to a county or town sees only its
     * own), per group and, when {@code period} is given, per day, week or month of it.
     */
    public Uni<KpiReport> compute(GroupBy groupBy, Period period, Instant from, Instant to, Territory territory) {
        return Panache.withSession(() -> dispatches.list("assignedAt >= ?1 and assignedAt < ?2", from, to)
                .flatMap(all -> tickets.list("firstAssignedAt >= ?1 and firstAssignedAt < ?2", from, to).map(allTickets -> {
                    List<DispatchFact> ds = all.stream().filter(d -> territory.covers(d.countyCode, d.townCode)).toList();
                    List<TicketFact> ts = allTickets.stream().filter(t -> territory.covers(t.countyCode, t.townCode)).toList();
                    return period == null ? report(groupBy, from, to, ds, ts) : split(groupBy, period, from, to, ds, ts);
                })));
    }

    private KpiReport split(GroupBy groupBy, Period period, Instant from, Instant to, List<DispatchFact> ds,
            List<TicketFact> ts) {
        Map<LocalDate, List<DispatchFact>> dByPeriod = ds.stream().collect(Collectors.groupingBy(
                d -> period.start(d.assignedAt, ZONE), TreeMap::new, Collectors.toList()));
        Map<LocalDate, List<TicketFact>> tByPeriod = ts.stream().collect(Collectors.groupingBy(
                t -> period.start(t.firstAssignedAt, ZONE), TreeMap::new, Collectors.toList()));
        Set<LocalDate> starts = new TreeSet<>(dByPeriod.keySet());
        starts.addAll(tByPeriod.keySet());
        List<GroupKpis> groups = new ArrayList<>();
        for (LocalDate start : starts) {
            for (GroupKpis g : report(groupBy, from, to, dByPeriod.getOrDefault(start, List.of()),
                    tByPeriod.getOrDefault(start, List.of())).groups()) {
                groups.add(g.inPeriod(start.toString()));
            }
        }
        return new KpiReport(groupBy.name().toLowerCase(), period.name().toLowerCase(), from, to, groups);
    }

    KpiReport report(GroupBy groupBy, Instant from, Instant to, List<DispatchFact> ds, List<TicketFact> ts) {
        Function<DispatchFact, String> dKey = switch (groupBy) {
            case UNIT -> d -> d.unitCode;
            case TOWN -> d -> d.townCode;
            case COUNTY -> d -> d.countyCode;
            case CITY -> d -> CITY_KEY;
        };
        Function<TicketFact, String> tKey = switch (groupBy) {
            case UNIT -> t -> t.unitCode;
            case TOWN -> t -> t.townCode;
            case COUNTY -> t -> t.countyCode;
            case CITY -> t -> CITY_KEY;
        };
        Map<String, List<DispatchFact>> byD = ds.stream().collect(Collectors.groupingBy(d -> key(dKey.apply(d)), TreeMap::new,
                Collectors.toList()));
        Map<String, List<TicketFact>> byT = ts.stream().collect(Collectors.groupingBy(t -> key(tKey.apply(t)), TreeMap::new,
                Collectors.toList()));
        Map<String, DispatchFact> firstDispatch = new TreeMap<>();
        ds.stream().sorted(Comparator.comparing((DispatchFact d) -> d.assignedAt))
                .forEach(d -> firstDispatch.putIfAbsent(d.ticketId, d));
        Set<String> keys = new TreeSet<>(byD.keySet());
        keys.addAll(byT.keySet());
        List<GroupKpis> groups = new ArrayList<>();
        Instant now = clock.instant();
        for (String key : keys) {
            groups.add(group(key, byD.getOrDefault(key, List.of()), byT.getOrDefault(key, List.of()), firstDispatch, now));
        }
        return new KpiReport(groupBy.name().toLowerCase(), null, from, to, groups);
    }

    private GroupKpis group(String key, List<DispatchFact> ds, List<TicketFact> ts, Map<String, DispatchFact> first,
            Instant now) {
        Double onTimeSign = rate(ds, d -> d.signDeadline != null, KpiService::signedInTime);
        Double onTimeArrival = rate(ds, d -> "URGENT".equalsIgnoreCase(d.urgency) && d.arriveDeadline != null,
                d -> d.arrivedAt != null && !d.arrivedAt.isAfter(d.arriveDeadline));
        Double returnRate = rate(ds, d -> true, d -> d.returned);
        Double onTimeClose = rate(ts, t -> t.closeDeadline != null && (t.completedAt != null || !t.closeDeadline.isAfter(now)),
                t -> t.completedAt != null && !t.completedAt.isAfter(t.closeDeadline));
        Double threeDay = rate(ts, t -> !"URGENT".equalsIgnoreCase(t.urgency) && t.threeDayDeadline != null,
                t -> t.completedAt != null && !t.completedAt.isAfter(t.threeDayDeadline));
        Double response = rate(ts, t -> true, t -> first.containsKey(t.ticketId) && signedInTime(first.get(t.ticketId)));
        Double resolution = rate(ts, t -> t.resolution != null, t -> RESOLVED.equalsIgnoreCase(t.resolution));
        Double satisfaction = rate(ts, t -> t.satisfaction != null, t -> Satisfaction.parse(t.satisfaction).map(Satisfaction::countsAsSatisfied).orElse(false));
        Double firstTime = rate(ts, t -> t.closedAt != null, t -> t.reopenCount == 0);
        // Overdue (超期): completed after the close deadline, or not completed and the deadline has passed.
        long overdue = ts.stream().filter(t -> t.closeDeadline != null && (t.completedAt != null
                ? t.completedAt.isAfter(t.closeDeadline) : t.closeDeadline.isBefore(now))).count();
        List<Duration> handling = ts.stream().filter(t -> t.completedAt != null && t.firstAssignedAt != null)
                .map(t -> Duration.between(t.firstAssignedAt, t.completedAt)).toList();
        Duration average = handling.isEmpty() ? null
                : handling.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(handling.size());
        return new GroupKpis(key, null, ds.size(), ts.size(), onTimeSign, onTimeArrival, onTimeClose, threeDay, response,
                resolution, satisfaction, returnRate, firstTime, overdue, average == null ? null : average.toString(),
                average == null ? null : average.getSeconds());
    }

    private static boolean signedInTime(DispatchFact d) {
        return d.signDeadline != null && d.signedAt != null && !d.signedAt.isAfter(d.signDeadline);
    }

    private static <T> Double rate(List<T> items, Predicate<T> denominator, Predicate<T> numerator) {
        List<T> counted = items.stream().filter(denominator).toList();
        if (counted.isEmpty()) {
            return null;
        }
        long hits = counted.stream().filter(numerator).count();
        return Math.round(hits * 10_000.0 / counted.size()) / 10_000.0;
    }

    private static String key(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
