package cn.hotline.routing.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.RoutingRule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Versions of the jurisdiction catalogue's rules; versions are only ever added or closed, never rewritten. */
@ApplicationScoped
public class RuleRepository {

    private static final String COLUMNS = "rule_id, version, category_code, kind, urgency, territory_code, lead,"
            + " assisting, priority, description, effective_from, effective_to";
    private static final String INSERT = "insert into routing_rule (" + COLUMNS + ", created_at)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict do nothing";
    private static final String CLOSE = "update routing_rule set effective_to = $3 where rule_id = $1 and version = $2";

    private final Pool pool;

    public RuleRepository(Pool pool) {
        this.pool = pool;
    }

    /** Closes the given versions and inserts the new ones, in the caller's transaction. */
    public Uni<Void> save(SqlConnection conn, List<RoutingRule> closed, List<RoutingRule> added, Instant now) {
        List<Tuple> closeRows = new ArrayList<>();
        for (RoutingRule r : closed) {
            closeRows.add(Tuple.of(r.ruleId(), r.version(), odt(r.effectiveTo())));
        }
        List<Tuple> insertRows = new ArrayList<>();
        for (RoutingRule r : added) {
            insertRows.add(Tuple.from(Arrays.asList(r.ruleId(), r.version(), r.categoryCode(), r.kind(), r.urgency(),
                    r.territoryCode(), r.lead(), String.join(",", r.assisting()), r.priority(), r.description(),
                    odt(r.effectiveFrom()), odt(r.effectiveTo()), odt(now))));
        }
        return batch(conn, CLOSE, closeRows).chain(() -> batch(conn, INSERT, insertRows));
    }

    public Uni<List<RoutingRule>> findAll() {
        return pool.query("select " + COLUMNS + " from routing_rule order by rule_id, version").execute().map(rows -> {
            List<RoutingRule> all = new ArrayList<>();
            for (Row r : rows) {
                String assisting = r.getString(7);
                all.add(new RoutingRule(r.getString(0), r.getInteger(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6),
                        assisting == null || assisting.isBlank() ? List.of() : List.of(assisting.split(",")),
                        r.getInteger(8), r.getString(9), r.getOffsetDateTime(10).toInstant(),
                        r.getOffsetDateTime(11) == null ? null : r.getOffsetDateTime(11).toInstant()));
            }
            return all;
        });
    }

    public Uni<Long> count() {
        return pool.query("select count(*) from routing_rule").execute().map(rs -> rs.iterator().next().getLong(0));
    }

    private static Uni<Void> batch(SqlConnection conn, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
