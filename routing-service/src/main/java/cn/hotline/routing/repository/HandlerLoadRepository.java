package cn.hotline.routing.repository;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.DispatchState;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What handler assignment reads from the dispatch table, in the caller's session (so inside the ticket's
 * transaction): one index probe per person on duty (V4's partial index of open dispatches by handler and the
 * handler/creation-order index), and a unit's latest handler.
 */
@ApplicationScoped
public class HandlerLoadRepository {

    /** The end states as SQL literals, the same list as V4's partial index so the planner can use it. */
    private static final String CLOSED = Arrays.stream(DispatchState.values()).filter(s -> !s.open())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private static final String LOADS = "select h.id, (select count(*) from dispatch d where d.handler_id = h.id"
            + " and d.state not in (" + CLOSED + ")), (select max(d.seq) from dispatch d where d.handler_id = h.id)"
            + " from unnest($1::varchar[]) as h(id)";

    /** A person's open dispatches as handler, and the creation order of their latest dispatch (null: none yet). */
    public record Load(long open, Long lastSeq) {
    }

    /** The load of each of {@code personIds} (all of them present in the answer). */
    public Uni<Map<String, Load>> loads(List<String> personIds) {
        if (personIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] ids = personIds.toArray(String[]::new);
        return Panache.getSession().chain(session -> SessionSql.select(session, LOADS, (Object) ids)).map(rows -> {
            Map<String, Load> loads = new HashMap<>();
            for (Object[] row : rows) {
                loads.put((String) row[0], new Load(((Number) row[1]).longValue(),
                        row[2] == null ? null : ((Number) row[2]).longValue()));
            }
            return loads;
        });
    }

    /** Who was made handler of the latest dispatch led by {@code unitCode} (null: none yet). */
    public Uni<String> lastHandler(String unitCode) {
        return Panache.getSession().chain(session -> SessionSql.select(session, "select d.handler_id from dispatch d"
                        + " where d.lead_unit_code = $1 and d.handler_id is not null order by d.seq desc limit 1", unitCode))
                .map(rows -> rows.isEmpty() ? null : (String) rows.get(0)[0]);
    }
}
