package cn.hotline.sla.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Set-based SQL on timers for the schedule: rebuild pages, the sweep, counts. */
@ApplicationScoped
public class TimerStore {

    private final Pool pool;

    public TimerStore(Pool pool) {
        this.pool = pool;
    }

    /** Scheduled timers after {@code afterId} (keyset paging), id → next due instant. */
    public Uni<Map<String, Instant>> scheduledPage(String afterId, int limit) {
        return pool.preparedQuery("select id, next_due_at from sla_timer where next_due_at is not null and id > $1"
                        + " order by id limit $2")
                .execute(Tuple.of(afterId, limit)).map(TimerStore::dues);
    }

    /** Timers whose next point is overdue by more than the grace: their Redis member may have been lost. */
    public Uni<Map<String, Instant>> overdue(Instant before, int limit) {
        return pool.preparedQuery("select id, next_due_at from sla_timer where next_due_at < $1"
                        + " order by next_due_at limit $2")
                .execute(Tuple.of(utc(before), limit)).map(TimerStore::dues);
    }

    public Uni<Long> activeCount() {
        return pool.query("select count(*) from sla_timer where state in ('RUNNING', 'PAUSED')").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Map<String, Instant> dues(Iterable<Row> rows) {
        Map<String, Instant> dues = new LinkedHashMap<>();
        for (Row row : rows) {
            dues.put(row.getString("id"), row.getOffsetDateTime("next_due_at").toInstant());
        }
        return dues;
    }
}
