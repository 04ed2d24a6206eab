package cn.hotline.sla.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.sla.config.SlaConfig;
import cn.hotline.sla.domain.FiringPoints;
import cn.hotline.support.outbox.OutboxConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import static cn.hotline.sla.repository.TimerStore.utc;

/**
 * Fires the due points of claimed timers in ONE PostgreSQL transaction: locks the rows, records each firing
 * under its deterministic event id (primary key, so a re-fire inserts nothing), writes the {@code sla.*}
 * events of the fresh firings to the outbox and advances the timers. Returns what to put back on the schedule.
 */
@ApplicationScoped
public class TimerFiring {

    private static final Logger LOG = Logger.getLogger(TimerFiring.class);
    private static final String SELECT = "select id, ticket_id, ticket_number, dispatch_id, unit_code, handler_id,"
            + " urgency, policy_code, stage, thresholds, warning_instants, deadline, reminder_interval, max_reminders,"
            + " next_index, warnings_fired, reminders_fired, breached, breached_at from sla_timer"
            + " where id = any($1) and state = 'RUNNING' and next_due_at is not null order by id for update";
    private static final String RECORD = "insert into sla_firing (event_id, timer_id, point, due_at, fired_at, late, instance)"
            + " select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::timestamptz[],"
            + " $6::boolean[], $7::varchar[]) on conflict do nothing returning event_id";
    private static final String OUTBOX = "insert into outbox_event (id, topic, record_key, type, source, subject,"
            + " occurred_at, payload) select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[],"
            + " $5::varchar[], $6::varchar[], $7::timestamptz[], $8::text[]) on conflict (id) do nothing";
    private static final String ADVANCE = "update sla_timer t set next_index = v.next_index, next_due_at = v.next_due,"
            + " breached = v.breached, breached_at = v.breached_at, warnings_fired = v.warnings_fired,"
            + " reminders_fired = v.reminders_fired, version = t.version + 1"
            + " from unnest($1::varchar[], $2::int[], $3::timestamptz[], $4::boolean[], $5::timestamptz[],"
            + " $6::varchar[], $7::int[]) as v(id, next_index, next_due, breached, breached_at, warnings_fired,"
            + " reminders_fired) where t.id = v.id";
    private static final String KPI_BREACH = "update kpi_ticket set breached = true where ticket_id = any($1)";

    private final Pool pool;
    private final Clock clock;
    private final OutboxConfig outbox;
    private final Duration lateTolerance;
    private final Timer lateness;
    private final Counter fired;
    private final Counter duplicates;

    public TimerFiring(Pool pool, Clock clock, OutboxConfig outbox, SlaConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        this.outbox = outbox;
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
        return pool.withTransaction(conn -> conn.preparedQuery(SELECT).execute(Tuple.of(timerIds.toArray(new String[0])))
                .flatMap(rows -> fireLocked(conn, rows, instance)));
    }

    private Uni<Map<String, Instant>> fireLocked(SqlConnection conn, Iterable<Row> rows, String instance) {
        Instant now = clock.instant();
        Batch batch = new Batch();
        for (Row row : rows) {
            plan(row, now, instance, batch);
        }
        if (batch.advanceIds.isEmpty()) {
            return Uni.createFrom().item(batch.rearm);
        }
        return conn.preparedQuery(RECORD).execute(Tuple.from(List.of(arr(batch.eventIds), arr(batch.timerIds),
                        arr(batch.points), batch.dues.toArray(new OffsetDateTime[0]),
                        batch.fireds.toArray(new OffsetDateTime[0]), batch.lates.toArray(new Boolean[0]),
                        arr(batch.instances))))
                .flatMap(recorded -> {
                    Set<String> fresh = new HashSet<>();
                    recorded.forEach(r -> fresh.add(r.getString(0)));
                    return writeOutbox(conn, batch, fresh).replaceWith(fresh);
                })
                .flatMap(fresh -> conn.preparedQuery(ADVANCE).execute(Tuple.from(List.of(arr(batch.advanceIds),
                        batch.nextIndexes.toArray(new Integer[0]), batch.nextDues.toArray(new OffsetDateTime[0]),
                        batch.breached.toArray(new Boolean[0]), batch.breachedAts.toArray(new OffsetDateTime[0]),
                        arr(batch.warningsFired), batch.remindersFired.toArray(new Integer[0])))).replaceWith(fresh))
                .flatMap(fresh -> batch.breachedTickets.isEmpty() ? Uni.createFrom().item(fresh)
                        : conn.preparedQuery(KPI_BREACH).execute(Tuple.of(arr(batch.breachedTickets))).replaceWith(fresh))
                .map(fresh -> {
                    fired.increment(fresh.size());
                    duplicates.increment(batch.eventIds.size() - fresh.size());
                    for (int i = 0; i < batch.eventIds.size(); i++) {
                        if (fresh.contains(batch.eventIds.get(i))) {
                            lateness.record(Duration.between(batch.dues.get(i).toInstant(), now).abs());
                        }
                    }
                    return batch.rearm;
                });
    }

    private Uni<Void> writeOutbox(SqlConnection conn, Batch batch, Set<String> fresh) {
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < batch.eventIds.size(); i++) {
            if (fresh.contains(batch.eventIds.get(i))) {
                ids.add(batch.eventIds.get(i));
                types.add(batch.types.get(i));
                keys.add(batch.ticketIds.get(i));
                payloads.add(batch.payloads.get(i));
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = utc(clock.instant());
        List<String> topics = ids.stream().map(id -> Topics.SLA).toList();
        List<String> sources = ids.stream().map(id -> outbox.source()).toList();
        OffsetDateTime[] times = ids.stream().map(id -> now).toArray(OffsetDateTime[]::new);
        return conn.preparedQuery(OUTBOX).execute(Tuple.from(List.of(arr(ids), arr(topics), arr(keys), arr(types),
                arr(sources), arr(keys), times, arr(payloads)))).replaceWithVoid();
    }

    private void plan(Row row, Instant now, String instance, Batch batch) {
        String id = row.getString("id");
        List<Integer> thresholds = FiringPoints.parseThresholds(row.getString("thresholds"));
        Instant deadline = row.getOffsetDateTime("deadline").toInstant();
        FiringPoints points = new FiringPoints(thresholds, FiringPoints.parseInstants(row.getString("warning_instants")),
                deadline, FiringPoints.interval(row.getString("reminder_interval")), row.getInteger("max_reminders"));
        int nextIndex = row.getInteger("next_index");
        List<Integer> fire = points.dueNow(nextIndex, now);
        if (fire.isEmpty()) {
            Instant due = points.due(nextIndex);
            if (due != null) {
                batch.rearm.put(id, due);
            }
            return;
        }
        boolean breached = row.getBoolean("breached");
        OffsetDateTime breachedAt = row.getOffsetDateTime("breached_at");
        String warningsFired = row.getString("warnings_fired");
        int remindersFired = row.getInteger("reminders_fired");
        for (int index : fire) {
            Instant due = points.due(index);
            String point = points.name(index);
            boolean late = Duration.between(due, now).compareTo(lateTolerance) > 0;
            String type;
            Integer threshold = null;
            Integer sequence = null;
            if (index < points.breachIndex()) {
                type = EventTypes.SLA_WARNING;
                threshold = thresholds.get(index);
                warningsFired = warningsFired.isEmpty() ? point : warningsFired + "," + point;
            } else if (index == points.breachIndex()) {
                type = EventTypes.SLA_BREACHED;
                threshold = FiringPoints.BREACH_PERCENT;
                breached = true;
                breachedAt = utc(now);
                batch.breachedTickets.add(row.getString("ticket_id"));
            } else {
                type = EventTypes.SLA_OVERDUE_REMINDER;
                sequence = index - points.breachIndex();
                remindersFired = sequence;
            }
            String eventId = "sla:" + id + ":" + row.getString("stage") + ":" + point;
            SlaEvent event = new SlaEvent(SlaEvent.SCHEMA_VERSION, id, row.getString("ticket_id"),
                    row.getString("ticket_number"), row.getString("dispatch_id"), row.getString("policy_code"),
                    row.getString("stage"), row.getString("urgency"), row.getString("unit_code"),
                    row.getString("handler_id"), threshold, sequence, deadline, due, now,
                    deadline.isAfter(due) ? Duration.between(due, deadline).toString() : Duration.ZERO.toString(),
                    null, deadline.isBefore(due) ? Duration.between(deadline, due).toString() : null, late);
            batch.add(eventId, id, point, due, now, late, instance, type, row.getString("ticket_id"),
                    new String(EventCodec.encode(event), StandardCharsets.UTF_8));
            if (late) {
                LOG.debugf("late firing %s: due %s, fired %s", eventId, due, now);
            }
        }
        int next = fire.get(fire.size() - 1) + 1;
        Instant nextDue = points.due(next);
        batch.advance(id, next, nextDue, breached, breachedAt, warningsFired, remindersFired);
        if (nextDue != null) {
            batch.rearm.put(id, nextDue);
        }
    }

    private static String[] arr(List<String> values) {
        return values.toArray(new String[0]);
    }

    /** Column lists of one firing transaction. */
    private static final class Batch {
        final List<String> eventIds = new ArrayList<>();
        final List<String> timerIds = new ArrayList<>();
        final List<String> points = new ArrayList<>();
        final List<OffsetDateTime> dues = new ArrayList<>();
        final List<OffsetDateTime> fireds = new ArrayList<>();
        final List<Boolean> lates = new ArrayList<>();
        final List<String> instances = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final List<String> ticketIds = new ArrayList<>();
        final List<String> payloads = new ArrayList<>();
        final List<String> advanceIds = new ArrayList<>();
        final List<Integer> nextIndexes = new ArrayList<>();
        final List<OffsetDateTime> nextDues = new ArrayList<>();
        final List<Boolean> breached = new ArrayList<>();
        final List<OffsetDateTime> breachedAts = new ArrayList<>();
        final List<String> warningsFired = new ArrayList<>();
        final List<Integer> remindersFired = new ArrayList<>();
        final List<String> breachedTickets = new ArrayList<>();
        final Map<String, Instant> rearm = new HashMap<>();

        void add(String eventId, String timerId, String point, Instant due, Instant fired, boolean late, String instance,
                String type, String ticketId, String payload) {
            eventIds.add(eventId);
            timerIds.add(timerId);
            points.add(point);
            dues.add(utc(due));
            fireds.add(utc(fired));
            lates.add(late);
            instances.add(instance);
            types.add(type);
            ticketIds.add(ticketId);
            payloads.add(payload);
        }

        void advance(String id, int next, Instant nextDue, boolean isBreached, OffsetDateTime breachedAt,
                String fired, int reminders) {
            advanceIds.add(id);
            nextIndexes.add(next);
            nextDues.add(utc(nextDue));
            breached.add(isBreached);
            breachedAts.add(breachedAt);
            warningsFired.add(fired);
            remindersFired.add(reminders);
        }
    }
}
