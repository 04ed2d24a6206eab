package cn.hotline.sla.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.events.EventTypes;
import cn.hotline.sla.config.SlaConfig;
import cn.hotline.sla.domain.Firing;
import cn.hotline.sla.domain.FiringPoints;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.repository.FiringRepository;
import cn.hotline.sla.repository.TimerBatchRepository;
import cn.hotline.sla.service.KpiRecorder;
import cn.hotline.sla.service.SlaEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Fires the due points of claimed timers in ONE PostgreSQL transaction: locks the rows, records each firing
 * under its deterministic event id (primary key, so a re-fire inserts nothing), writes the {@code sla.*}
 * events of the fresh firings to the outbox and advances the timers. Returns what to put back on the schedule.
 */
@ApplicationScoped
public class TimerFiring {

    private static final Logger LOG = Logger.getLogger(TimerFiring.class);

    private final Pool pool;
    private final TimerBatchRepository timers;
    private final FiringRepository firings;
    private final SlaEvents events;
    private final KpiRecorder kpis;
    private final Clock clock;
    private final Duration lateTolerance;
    private final Timer lateness;
    private final Counter fired;
    private final Counter duplicates;

    public TimerFiring(Pool pool, TimerBatchRepository timers, FiringRepository firings, SlaEvents events,
            KpiRecorder kpis, Clock clock, SlaConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.timers = timers;
        this.firings = firings;
        this.events = events;
        this.kpis = kpis;
        this.clock = clock;
        this.lateTolerance = config.schedule().lateTolerance();
        this.lateness = Timer.builder("sla.firing.lateness").description("actual minus due instant of SLA firings")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
        this.fired = Counter.builder("sla.firings").tag("outcome", "fired").register(registry);
        // A firing whose event id was already recorded: proof of a double claim, expected to stay at zero.
        this.duplicates = Counter.builder("sla.firings").tag("outcome", "duplicate").register(registry);
    }

    /** Fires what is due of {@code timerIds}; the result maps each still-scheduled timer to its next due instant. */
    public Uni<Map<String, Instant>> fire(List<String> timerIds, String instance) {
        if (timerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.withTransaction(conn -> timers.lockDue(conn, timerIds)
                .flatMap(locked -> fireLocked(conn, locked, instance)));
    }

    private Uni<Map<String, Instant>> fireLocked(SqlConnection conn, List<TimerEntity> locked, String instance) {
        Instant now = clock.instant();
        Map<String, Instant> rearm = new HashMap<>();
        List<Firing> due = new ArrayList<>();
        List<TimerEntity> advanced = new ArrayList<>();
        for (TimerEntity timer : locked) {
            List<Firing> fresh = fireDue(timer, now, instance);
            if (!fresh.isEmpty()) {
                due.addAll(fresh);
                advanced.add(timer);
            }
            if (timer.nextDueAt != null) {
                rearm.put(timer.id, timer.nextDueAt);
            }
        }
        if (advanced.isEmpty()) {
            return Uni.createFrom().item(rearm);
        }
        return firings.recordAll(conn, due)
                .call(fresh -> events.fired(conn, due.stream().filter(f -> fresh.contains(f.eventId())).toList()))
                .call(fresh -> timers.advance(conn, advanced))
                .call(fresh -> kpis.breached(conn, due.stream().filter(Firing::breach).map(Firing::ticketId).toList()))
                .map(fresh -> {
                    count(due, fresh, now);
                    return rearm;
                });
    }

    /**
     * The firings of {@code timer}'s points due now; advances the (detached) timer past them: next point and its
     * due instant, breach, fired warnings and reminders. Nothing due: only the next due instant is refreshed.
     */
    private List<Firing> fireDue(TimerEntity timer, Instant now, String instance) {
        FiringPoints points = FiringPoints.of(timer);
        List<Integer> indexes = points.dueNow(timer.nextIndex, now);
        List<Firing> due = new ArrayList<>();
        for (int index : indexes) {
            Instant at = points.due(index);
            String point = points.name(index);
            boolean late = Duration.between(at, now).compareTo(lateTolerance) > 0;
            String type;
            Integer threshold = null;
            Integer sequence = null;
            if (index < points.breachIndex()) {
                type = EventTypes.SLA_WARNING;
                threshold = points.thresholds().get(index);
                timer.warningsFired = timer.warningsFired.isEmpty() ? point : timer.warningsFired + "," + point;
            } else if (index == points.breachIndex()) {
                type = EventTypes.SLA_BREACHED;
                threshold = FiringPoints.BREACH_PERCENT;
                timer.breached = true;
                timer.breachedAt = now;
            } else {
                type = EventTypes.SLA_OVERDUE_REMINDER;
                sequence = index - points.breachIndex();
                timer.remindersFired = sequence;
            }
            Firing firing = new Firing(SlaEvents.eventId(timer, point), timer.id, point, at, now, late, instance, type,
                    SlaEvents.fired(timer, threshold, sequence, at, now, late));
            due.add(firing);
            if (late) {
                LOG.debugf("late firing %s: due %s, fired %s", firing.eventId(), at, now);
            }
        }
        if (!indexes.isEmpty()) {
            timer.nextIndex = indexes.get(indexes.size() - 1) + 1;
        }
        timer.nextDueAt = points.due(timer.nextIndex);
        return due;
    }

    private void count(List<Firing> due, Set<String> fresh, Instant now) {
        fired.increment(fresh.size());
        duplicates.increment(due.size() - fresh.size());
        for (Firing firing : due) {
            if (fresh.contains(firing.eventId())) {
                lateness.record(Duration.between(firing.due(), now).abs());
            }
        }
    }
}
