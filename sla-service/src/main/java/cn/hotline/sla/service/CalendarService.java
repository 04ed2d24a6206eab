package cn.hotline.sla.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.CalendarDay;
import cn.hotline.sla.domain.CalendarEntity;
import cn.hotline.sla.domain.WorkingCalendar;
import cn.hotline.sla.domain.WorkingPeriod;
import cn.hotline.sla.mapping.CalendarView;
import cn.hotline.sla.mapping.DeadlineAnswer;
import cn.hotline.sla.mapping.DeadlineQuestion;
import cn.hotline.sla.repository.CalendarRepository;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Imports holiday notices into working calendars and answers deadline questions. */
@ApplicationScoped
public class CalendarService {

    private final CalendarRepository repository;
    private final CalendarRegistry registry;
    private final IcsParser parser;
    private final TimerAdjustments timers;
    private final ReferenceRefresher refresher;
    private final Clock clock;

    public CalendarService(CalendarRepository repository, CalendarRegistry registry, IcsParser parser,
            TimerAdjustments timers, ReferenceRefresher refresher, Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.parser = parser;
        this.timers = timers;
        this.refresher = refresher;
        this.clock = clock;
    }

    /** What an import changed. */
    public record ImportResult(String calendar, List<Integer> years, int daysOff, int makeUpDays, int timersRecomputed) {
    }

    /** The admin API's import: {@link #importIcs} in its own transaction, then announced to the other replicas. */
    public Uni<ImportResult> importNotice(String name, String body) {
        return Panache.withTransaction(() -> importIcs(name, body)).call(() -> refresher.announce("calendar " + name));
    }

    /**
     * Replaces the days of every year the document covers (other years stay) and recomputes the deadlines of
     * running working-time timers on this calendar. Must run inside a transaction; the body is parsed first,
     * so a bad document changes nothing.
     */
    public Uni<ImportResult> importIcs(String name, String body) {
        List<CalendarDay> days = parser.parse(body);
        Set<Integer> years = days.stream().map(d -> d.date().getYear()).collect(Collectors.toCollection(TreeSet::new));
        return repository.findById(name).flatMap(existing -> {
            CalendarEntity entity = existing != null ? existing : newCalendar(name);
            entity.daysOff = merge(entity.daysOff, years, days, CalendarDay.Kind.OFF);
            entity.makeUpDays = merge(entity.makeUpDays, years, days, CalendarDay.Kind.WORK);
            entity.updatedAt = clock.instant();
            return repository.persist(entity);
        }).flatMap(saved -> {
            registry.put(saved);
            return timers.recomputeForCalendar(name).map(count -> new ImportResult(name, List.copyOf(years),
                    count(days, CalendarDay.Kind.OFF), count(days, CalendarDay.Kind.WORK), count));
        });
    }

    /** Loads every stored calendar into memory. */
    public Uni<Integer> loadAll() {
        return repository.listAll().map(all -> {
            all.forEach(registry::put);
            return all.size();
        });
    }

    public Uni<Boolean> exists(String name) {
        return repository.findById(name).map(found -> found != null);
    }

    /** A stored calendar as the API shows it; 404 when it was never imported. */
    public Uni<CalendarView> view(String name) {
        return Panache.withSession(() -> known(name)).map(ok -> CalendarView.of(registry.get(name)));
    }

    /** Answers a deadline question on a stored calendar; 404 when it was never imported. */
    public Uni<DeadlineAnswer> deadline(String name, DeadlineQuestion question) {
        return Panache.withSession(() -> known(name)).map(ok -> {
            WorkingCalendar calendar = registry.get(name);
            return DeadlineAnswer.of(calendar, question.startIn(calendar.zone()), question.duration(), question.mode());
        });
    }

    private Uni<Boolean> known(String name) {
        return exists(name).invoke(exists -> {
            if (!exists) {
                throw ProblemException.notFound("calendar " + name);
            }
        });
    }

    private static CalendarEntity newCalendar(String name) {
        CalendarEntity entity = new CalendarEntity();
        entity.name = name;
        entity.zone = WorkingCalendar.DEFAULT_ZONE.getId();
        entity.periods = String.join(",", WorkingCalendar.DEFAULT_PERIODS.stream().map(WorkingPeriod::toString).toList());
        entity.weekdays = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY";
        return entity;
    }

    private static String merge(String stored, Set<Integer> years, List<CalendarDay> days, CalendarDay.Kind kind) {
        TreeSet<LocalDate> result = new TreeSet<>(CalendarRegistry.dates(stored));
        result.removeIf(date -> years.contains(date.getYear()));
        days.stream().filter(d -> d.kind() == kind).map(CalendarDay::date).forEach(result::add);
        return String.join(",", result.stream().map(LocalDate::toString).toList());
    }

    private static int count(List<CalendarDay> days, CalendarDay.Kind kind) {
        return (int) days.stream().filter(d -> d.kind() == kind).count();
    }
}
