package cn.hotline.routing.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Territory;
import cn.hotline.routing.domain.TerritoryLevel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The territory tree in PostgreSQL; imports are batched upserts (thousands of rows in one round trip). */
@ApplicationScoped
public class TerritoryRepository {

    private static final String UPSERT = "insert into territory (code, name, level, parent_code) values ($1, $2, $3, $4)"
            + " on conflict (code) do update set name = excluded.name, level = excluded.level,"
            + " parent_code = excluded.parent_code";
    private static final String SET_BOUNDARY = "update territory set boundary = $2 where code = $1";

    private final Pool pool;

    public TerritoryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Upserts the territories in the caller's transaction. */
    public Uni<Integer> upsertAll(SqlConnection conn, List<Territory> territories) {
        if (territories.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> rows = new ArrayList<>();
        for (Territory t : territories) {
            rows.add(Tuple.of(t.code(), t.name(), t.level().code(), t.parentCode()));
        }
        return conn.preparedQuery(UPSERT).executeBatch(rows).replaceWith(rows.size());
    }

    /** Sets the boundaries (GeoJSON geometry by territory code) in the caller's transaction. */
    public Uni<Integer> setBoundaries(SqlConnection conn, Map<String, String> boundaries) {
        if (boundaries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> rows = new ArrayList<>();
        boundaries.forEach((code, geometry) -> rows.add(Tuple.of(code, geometry)));
        return conn.preparedQuery(SET_BOUNDARY).executeBatch(rows).replaceWith(rows.size());
    }

    public Uni<Long> count() {
        return pool.query("select count(*) from territory").execute().map(rs -> rs.iterator().next().getLong(0));
    }

    public Uni<List<Territory>> findAll() {
        return pool.query("select code, name, level, parent_code, boundary from territory order by code").execute()
                .map(rows -> {
                    List<Territory> all = new ArrayList<>();
                    for (Row r : rows) {
                        all.add(new Territory(r.getString(0), r.getString(1), TerritoryLevel.parse(r.getString(2)),
                                r.getString(3), r.getString(4)));
                    }
                    return all;
                });
    }
}
