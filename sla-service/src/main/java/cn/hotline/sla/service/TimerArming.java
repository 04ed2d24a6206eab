package cn.hotline.sla.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.repository.TimerRepository;
import cn.hotline.sla.schedule.RedisSchedule;
import cn.hotline.support.problem.Swallowed;
import cn.hotline.support.vertx.CallerContext;
import io.smallrye.mutiny.Uni;

/**
 * Puts timers on the Redis schedule from inside the caller's transaction. A member whose row does not commit is
 * dropped by the firing path, which trusts only PostgreSQL; a failed add is rebuilt by the marker rebuild or the sweep.
 */
@ApplicationScoped
public class TimerArming {

    private static final Logger LOG = Logger.getLogger(TimerArming.class);

    private final TimerRepository repository;
    private final RedisSchedule schedule;

    public TimerArming(TimerRepository repository, RedisSchedule schedule) {
        this.repository = repository;
        this.schedule = schedule;
    }

    /** Persists new timers and schedules their next points in one call to the schedule. */
    public Uni<List<TimerEntity>> persistAll(List<TimerEntity> timers) {
        if (timers.isEmpty()) {
            return Uni.createFrom().item(timers);
        }
        return repository.persist(timers).chain(() -> rearm(timers));
    }

    /** Schedules the next points of changed timers (those with one). */
    public Uni<List<TimerEntity>> rearm(List<TimerEntity> timers) {
        Map<String, Instant> dues = new HashMap<>();
        timers.stream().filter(t -> t.nextDueAt != null).forEach(t -> dues.put(t.id, t.nextDueAt));
        return scheduleQuietly(dues).replaceWith(timers);
    }

    private Uni<Void> scheduleQuietly(Map<String, Instant> dues) {
        if (dues.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Lettuce completes on its own threads; the reactive session must continue on the caller's Vert.x context.
        return CallerContext.resumeOn(schedule.addAll(dues)).onFailure().recoverWithUni(failure -> {
            // PostgreSQL stays the truth: the marker rebuild or the sweep puts these back.
            Swallowed.warn(LOG, "sla.schedule-add(" + dues.size() + " timers)", failure);
            return Uni.createFrom().voidItem();
        });
    }
}
