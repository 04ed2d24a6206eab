package cn.hotline.sla.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.TimerEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import static cn.hotline.sla.repository.TimerStore.utc;

/** Arms many planned timers at once (one INSERT of arrays, one ZADD): for imports, benchmarks and load tests. */
@ApplicationScoped
public class BulkArming {

    private static final String INSERT = "insert into sla_timer (id, ticket_id, ticket_number, dispatch_id, unit_code,"
            + " urgency, policy_code, stage, scope, stop_event, calendar_name, mode, duration, thresholds,"
            + " reminder_interval, max_reminders, started_at, deadline, warning_instants, state, next_index, next_due_at,"
            + " created_at) select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[],"
            + " $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[],"
            + " $11::varchar[], $12::varchar[], $13::varchar[], $14::varchar[], $15::varchar[], $16::int[],"
            + " $17::timestamptz[], $18::timestamptz[], $19::varchar[], $20::varchar[], $21::int[], $22::timestamptz[],"
            + " $23::timestamptz[])";

    private final Pool pool;
    private final RedisSchedule schedule;
    private final Clock clock;

    public BulkArming(Pool pool, RedisSchedule schedule, Clock clock) {
        this.pool = pool;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Inserts the (already planned) timers and puts the scheduled ones on the Redis schedule. */
    public Uni<Integer> arm(List<TimerEntity> timers) {
        if (timers.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        OffsetDateTime now = utc(clock.instant());
        Map<String, Instant> dues = new HashMap<>();
        timers.stream().filter(t -> t.nextDueAt != null).forEach(t -> dues.put(t.id, t.nextDueAt));
        Tuple tuple = Tuple.from(List.of(
                col(timers, t -> t.id), col(timers, t -> t.ticketId), col(timers, t -> t.ticketNumber),
                col(timers, t -> t.dispatchId), col(timers, t -> t.unitCode), col(timers, t -> t.urgency),
                col(timers, t -> t.policyCode), col(timers, t -> t.stage.name()), col(timers, t -> t.scope.name()),
                col(timers, t -> t.stopEvent), col(timers, t -> t.calendarName), col(timers, t -> t.mode.name()),
                col(timers, t -> t.duration), col(timers, t -> t.thresholds), col(timers, t -> t.reminderInterval),
                timers.stream().map(t -> t.maxReminders).toArray(Integer[]::new),
                timers.stream().map(t -> utc(t.startedAt)).toArray(OffsetDateTime[]::new),
                timers.stream().map(t -> utc(t.deadline)).toArray(OffsetDateTime[]::new),
                col(timers, t -> t.warningInstants), col(timers, t -> t.state.name()),
                timers.stream().map(t -> t.nextIndex).toArray(Integer[]::new),
                timers.stream().map(t -> utc(t.nextDueAt)).toArray(OffsetDateTime[]::new),
                timers.stream().map(t -> now).toArray(OffsetDateTime[]::new)));
        return pool.preparedQuery(INSERT).execute(tuple).flatMap(rows -> schedule.addAll(dues).replaceWith(timers.size()));
    }

    private static String[] col(List<TimerEntity> timers, java.util.function.Function<TimerEntity, String> value) {
        return timers.stream().map(value).toArray(String[]::new);
    }
}
