package cn.hotline.sla.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.repository.TimerBatchRepository;
import io.smallrye.mutiny.Uni;

/** Arms many planned timers at once (one INSERT of arrays, one ZADD): for imports, benchmarks and load tests. */
@ApplicationScoped
public class BulkArming {

    private final TimerBatchRepository timers;
    private final RedisSchedule schedule;
    private final Clock clock;

    public BulkArming(TimerBatchRepository timers, RedisSchedule schedule, Clock clock) {
        this.timers = timers;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Inserts the (already planned) timers and puts the scheduled ones on the Redis schedule. */
    public Uni<Integer> arm(List<TimerEntity> planned) {
        if (planned.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<String, Instant> dues = new HashMap<>();
        planned.stream().filter(t -> t.nextDueAt != null).forEach(t -> dues.put(t.id, t.nextDueAt));
        return timers.insertAll(planned, clock.instant()).flatMap(ok -> schedule.addAll(dues).replaceWith(planned.size()));
    }
}
