package cn.hotline.routing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.Queue;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Dispatches, by ticket and by queue. */
@ApplicationScoped
public class DispatchRepository implements PanacheRepositoryBase<Dispatch, UUID> {

    private static final List<DispatchState> CLOSED =
            List.of(DispatchState.COMPLETED, DispatchState.REASSIGNED, DispatchState.CANCELLED);

    /**
     * Whether any dispatch of {@code ticketId} exists, in the caller's session: one indexed probe through
     * {@code SessionSql} (Panache's count wraps the query and costs a new plan's work on every ticket).
     */
    public Uni<Boolean> existsForTicket(String ticketId) {
        return Panache.getSession().flatMap(session -> SessionSql.exists(session,
                "select 1 from dispatch where ticket_id = $1", ticketId));
    }

    public Uni<List<Dispatch>> findByTicket(String ticketId) {
        return list("ticketId", Sort.by("createdAt").and("seq"), ticketId);
    }

    public Uni<Dispatch> findOpenByTicket(String ticketId) {
        return find("ticketId = ?1 and state not in ?2", ticketId, CLOSED).firstResult();
    }

    /** Open dispatches matching every given filter (null = any), oldest first, at most {@code limit}. */
    public Uni<List<Dispatch>> findOpen(BoardFilter filter) {
        StringBuilder query = new StringBuilder("state not in :closed");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("closed", CLOSED);
        if (filter.county() != null) {
            query.append(" and countyCode = :county");
            params.put("county", filter.county());
        }
        if (filter.town() != null) {
            query.append(" and townCode = :town");
            params.put("town", filter.town());
        }
        if (filter.unit() != null) {
            // A unit's work list holds what it leads and what it assists (the JSON of its part names it).
            query.append(" and (leadUnitCode = :unit or cast(assisting as String) like :assisting)");
            params.put("unit", filter.unit());
            params.put("assisting", "%\"unitCode\":\"" + filter.unit().replace("%", "").replace("_", "\\_") + "\"%");
        }
        if (filter.state() != null) {
            query.append(" and state = :state");
            params.put("state", filter.state());
        }
        if (filter.urgency() != null) {
            query.append(" and urgency = :urgency");
            params.put("urgency", filter.urgency());
        }
        return find(query.toString(), Sort.by("createdAt").and("seq"), params).range(0, filter.limit() - 1).list();
    }

    /** Filters of the commander's board. */
    public record BoardFilter(String county, String town, String unit, DispatchState state, String urgency, int limit) {
    }

    public Uni<List<Dispatch>> findOpenInQueue(Queue queue) {
        return list("queue = ?1 and state not in ?2", Sort.by("createdAt").and("seq"), queue, CLOSED);
    }
}
