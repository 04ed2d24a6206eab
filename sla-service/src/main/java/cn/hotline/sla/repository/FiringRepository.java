package cn.hotline.sla.repository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.Firing;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import static cn.hotline.support.repository.SqlTime.utc;

/** The record of fired points ({@code sla_firing}), one row per event id: what proves a firing happened once. */
@ApplicationScoped
public class FiringRepository {

    private static final String RECORD = "insert into sla_firing (event_id, timer_id, point, due_at, fired_at, late, instance)"
            + " select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::timestamptz[],"
            + " $6::boolean[], $7::varchar[]) on conflict do nothing returning event_id";

    /** Records the firings in one statement on {@code conn} (the firing transaction); returns the fresh event ids. */
    public Uni<Set<String>> recordAll(SqlConnection conn, List<Firing> firings) {
        Tuple columns = Tuple.from(List.of(
                firings.stream().map(Firing::eventId).toArray(String[]::new),
                firings.stream().map(Firing::timerId).toArray(String[]::new),
                firings.stream().map(Firing::point).toArray(String[]::new),
                firings.stream().map(f -> utc(f.due())).toArray(java.time.OffsetDateTime[]::new),
                firings.stream().map(f -> utc(f.firedAt())).toArray(java.time.OffsetDateTime[]::new),
                firings.stream().map(Firing::late).toArray(Boolean[]::new),
                firings.stream().map(Firing::instance).toArray(String[]::new)));
        return conn.preparedQuery(RECORD).execute(columns).map(rows -> {
            Set<String> fresh = new HashSet<>();
            rows.forEach(row -> fresh.add(row.getString(0)));
            return fresh;
        });
    }
}
