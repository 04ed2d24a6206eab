package cn.hotline.sla.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.Stage;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.domain.TimerState;
import cn.hotline.sla.domain.TimerTransitions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Set-based SQL on timers for the schedule, over the Vert.x pool (arrays and {@code unnest}, one statement per
 * batch): bulk arming, locking and advancing the timers a firing claims, rebuild pages, the sweep, counts.
 */
@ApplicationScoped
public class TimerBatchRepository {

    private static final String INSERT = "insert into sla_timer (id, ticket_id, ticket_number, dispatch_id, unit_code,"
            + " urgency, policy_code, stage, scope, stop_event, calendar_name, mode, duration, thresholds,"
            + " reminder_interval, max_reminders, started_at, deadline, warning_instants, state, next_index, next_due_at,"
            + " created_at, handler_id, county_code, town_code) select * from unnest($1::varchar[], $2::varchar[],"
            + " $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[],"
            + " $10::varchar[], $11::varchar[], $12::varchar[], $13::varchar[], $14::varchar[], $15::varchar[], $16::int[],"
            + " $17::timestamptz[], $18::timestamptz[], $19::varchar[], $20::varchar[], $21::int[], $22::timestamptz[],"
            + " $23::timestamptz[], $24::varchar[], $25::varchar[], $26::varchar[])";
    private static final String LOCK_DUE = "select id, ticket_id, ticket_number, dispatch_id, unit_code, handler_id,"
            + " urgency, policy_code, stage, thresholds, warning_instants, deadline, reminder_interval, max_reminders,"
            + " next_index, warnings_fired, reminders_fired, breached, breached_at, state from sla_timer"
            + " where id = any($1) and state in " + TimerTransitions.sql(TimerTransitions.FIRING)
            + " and next_due_at is not null"
            + " order by id for update";
    /** The statement bumps the optimistic-lock version itself, so an entity loaded before the firing loses its race. */
    private static final String ADVANCE = "update sla_timer t set next_index = v.next_index, next_due_at = v.next_due,"
            + " breached = v.breached, breached_at = v.breached_at, warnings_fired = v.warnings_fired,"
            + " reminders_fired = v.reminders_fired, version = t.version + 1"
            + " from unnest($1::varchar[], $2::int[], $3::timestamptz[], $4::boolean[], $5::timestamptz[],"
            + " $6::varchar[], $7::int[]) as v(id, next_index, next_due, breached, breached_at, warnings_fired,"
            + " reminders_fired) where t.id = v.id";

    private final Pool pool;

    public TimerBatchRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts already planned timers in one statement, created at {@code now}. */
    public Uni<Void> insertAll(List<TimerEntity> timers, Instant now) {
        OffsetDateTime created = utc(now);
        return pool.preparedQuery(INSERT).execute(Tuple.from(List.of(
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
                timers.stream().map(t -> created).toArray(OffsetDateTime[]::new),
                col(timers, t -> t.handlerId), col(timers, t -> t.countyCode),
                col(timers, t -> t.townCode)))).replaceWithVoid();
    }

    /**
     * Locks the running, scheduled timers among {@code ids} for the firing transaction on {@code conn}, in id
     * order (so two firings never deadlock), as detached timers carrying what a firing reads and advances.
     */
    public Uni<List<TimerEntity>> lockDue(SqlConnection conn, List<String> ids) {
        return conn.preparedQuery(LOCK_DUE).execute(Tuple.of(ids.toArray(new String[0]))).map(rows -> {
            List<TimerEntity> timers = new ArrayList<>();
            rows.forEach(row -> timers.add(due(row)));
            return timers;
        });
    }

    /** Writes the fired points' progress (next point, breach, fired warnings and reminders) of {@code timers}. */
    public Uni<Void> advance(SqlConnection conn, List<TimerEntity> timers) {
        return conn.preparedQuery(ADVANCE).execute(Tuple.from(List.of(col(timers, t -> t.id),
                timers.stream().map(t -> t.nextIndex).toArray(Integer[]::new),
                timers.stream().map(t -> utc(t.nextDueAt)).toArray(OffsetDateTime[]::new),
                timers.stream().map(t -> t.breached).toArray(Boolean[]::new),
                timers.stream().map(t -> utc(t.breachedAt)).toArray(OffsetDateTime[]::new),
                col(timers, t -> t.warningsFired),
                timers.stream().map(t -> t.remindersFired).toArray(Integer[]::new)))).replaceWithVoid();
    }

    /** Scheduled timers after {@code afterId} (keyset paging), id → next due instant. */
    public Uni<Map<String, Instant>> scheduledPage(String afterId, int limit) {
        return pool.preparedQuery("select id, next_due_at from sla_timer where next_due_at is not null and id > $1"
                        + " order by id limit $2")
                .execute(Tuple.of(afterId, limit)).map(TimerBatchRepository::dues);
    }

    /** Timers whose next point is overdue by more than the grace: their Redis member may have been lost. */
    public Uni<Map<String, Instant>> overdue(Instant before, int limit) {
        return pool.preparedQuery("select id, next_due_at from sla_timer where next_due_at < $1"
                        + " order by next_due_at limit $2")
                .execute(Tuple.of(utc(before), limit)).map(TimerBatchRepository::dues);
    }

    public Uni<Long> activeCount() {
        return pool.query("select count(*) from sla_timer where state in " + TimerTransitions.sql(TimerTransitions.ACTIVE)).execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static TimerEntity due(Row row) {
        TimerEntity timer = new TimerEntity();
        timer.id = row.getString("id");
        timer.ticketId = row.getString("ticket_id");
        timer.ticketNumber = row.getString("ticket_number");
        timer.dispatchId = row.getString("dispatch_id");
        timer.unitCode = row.getString("unit_code");
        timer.handlerId = row.getString("handler_id");
        timer.urgency = row.getString("urgency");
        timer.policyCode = row.getString("policy_code");
        timer.stage = Stage.valueOf(row.getString("stage"));
        timer.thresholds = row.getString("thresholds");
        timer.warningInstants = row.getString("warning_instants");
        timer.deadline = row.getOffsetDateTime("deadline").toInstant();
        timer.reminderInterval = row.getString("reminder_interval");
        timer.maxReminders = row.getInteger("max_reminders");
        timer.nextIndex = row.getInteger("next_index");
        timer.warningsFired = row.getString("warnings_fired");
        timer.remindersFired = row.getInteger("reminders_fired");
        timer.breached = row.getBoolean("breached");
        OffsetDateTime breachedAt = row.getOffsetDateTime("breached_at");
        timer.breachedAt = breachedAt == null ? null : breachedAt.toInstant();
        timer.state = TimerState.valueOf(row.getString("state"));
        return timer;
    }

    private static Map<String, Instant> dues(Iterable<Row> rows) {
        Map<String, Instant> dues = new LinkedHashMap<>();
        for (Row row : rows) {
            dues.put(row.getString("id"), row.getOffsetDateTime("next_due_at").toInstant());
        }
        return dues;
    }

    private static String[] col(List<TimerEntity> timers, Function<TimerEntity, String> value) {
        return timers.stream().map(value).toArray(String[]::new);
    }
}
