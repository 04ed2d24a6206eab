package cn.hotline.sla.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.sla.repository.TimerBatchRepository;
import io.smallrye.mutiny.Uni;

/**
 * Rebuilds the Redis schedule from PostgreSQL (at start, and when the marker key is gone because Redis came
 * back empty), and re-arms timers whose Redis member was lost. Re-adding a member is harmless: a firing
 * checks the timer row, so nothing fires twice.
 */
@ApplicationScoped
public class ScheduleRebuilder {

    private static final Logger LOG = Logger.getLogger(ScheduleRebuilder.class);
    private static final int PAGE = 10_000;

    private final TimerBatchRepository store;
    private final RedisSchedule schedule;
    private final Clock clock;

    public ScheduleRebuilder(TimerBatchRepository store, RedisSchedule schedule, Clock clock) {
        this.store = store;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Adds every scheduled timer to Redis, then sets the marker; returns how many were added. */
    public Uni<Long> rebuild() {
        Instant started = clock.instant();
        return page("", 0L).flatMap(count -> schedule.markBuilt(started).replaceWith(count))
                .invoke(count -> LOG.infof("SLA schedule rebuilt from PostgreSQL: %d timers", count));
    }

    /** Rebuilds when the marker is missing. */
    public Uni<Boolean> rebuildIfMissing() {
        return schedule.built().flatMap(built -> built ? Uni.createFrom().item(false) : rebuild().replaceWith(true));
    }

    /** Re-arms timers overdue by more than {@code grace}: their member was claimed by a process that died. */
    public Uni<Integer> sweep(java.time.Duration grace) {
        return store.overdue(clock.instant().minus(grace), PAGE)
                .flatMap(dues -> schedule.addAll(dues).replaceWith(dues.size()));
    }

    private Uni<Long> page(String afterId, long soFar) {
        return store.scheduledPage(afterId, PAGE).flatMap(dues -> {
            if (dues.isEmpty()) {
                return Uni.createFrom().item(soFar);
            }
            String last = lastKey(dues);
            return schedule.addAll(dues).flatMap(ok -> dues.size() < PAGE ? Uni.createFrom().item(soFar + dues.size())
                    : page(last, soFar + dues.size()));
        });
    }

    private static String lastKey(Map<String, Instant> dues) {
        String last = null;
        for (String id : dues.keySet()) {
            last = id;
        }
        return last;
    }
}
