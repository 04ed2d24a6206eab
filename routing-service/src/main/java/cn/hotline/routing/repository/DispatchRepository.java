package cn.hotline.routing.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.JsonListConverters;
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

    // Every column of the entity mapping but seq (the database's): a new dispatch is written once, not held by the session.
    private static final String INSERT = "insert into dispatch (id, ticket_id, ticket_number, state, queue, lead_unit_code,"
            + " lead_unit_name, assisting, handler_id, escalation_level, escalation_reason, rule_id, rule_version,"
            + " explanation, county_code, town_code, village_code, resolved_by, category_code, kind, urgency, channel,"
            + " address, lat, lon, case_leader_id, extension_pending, extension_duration, extension_reason,"
            + " extension_approved, return_reason_code, return_note, review_note, previous_dispatch_id,"
            + " trigger_event_id, created_at, updated_at, version) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
            + " $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32,"
            + " $33, $34, $35, $36, $37, $38)";

    private final JsonListConverters.AssistParts assistParts = new JsonListConverters.AssistParts();
    private final JsonListConverters.Strings strings = new JsonListConverters.Strings();

    /**
     * Whether any dispatch of {@code ticketId} exists, in the caller's session: one indexed probe through
     * {@code SessionSql} (Panache's count wraps the query and costs a new plan's work on every ticket).
     */
    public Uni<Boolean> existsForTicket(String ticketId) {
        return Panache.getSession().flatMap(session -> SessionSql.exists(session,
                "select 1 from dispatch where ticket_id = $1", ticketId));
    }

    /**
     * Inserts the new dispatch {@code d} with one statement on the session's connection, in its transaction (the
     * lists as the entity mapping writes them); the session does not hold it afterwards, so nothing else in the
     * transaction may change it through the session.
     */
    public Uni<Void> insertNew(Dispatch d) {
        Object[] values = {d.id, d.ticketId, d.ticketNumber, d.state().name(), d.queue == null ? null : d.queue.name(),
                d.leadUnitCode, d.leadUnitName, assistParts.convertToDatabaseColumn(d.assisting), d.handlerId,
                d.escalationLevel, d.escalationReason, d.ruleId, d.ruleVersion, strings.convertToDatabaseColumn(d.explanation),
                d.countyCode, d.townCode, d.villageCode, d.resolvedBy, d.categoryCode, d.kind, d.urgency, d.channel,
                d.address, d.lat, d.lon, d.caseLeaderId, d.extensionPending, d.extensionDuration, d.extensionReason,
                d.extensionApproved, d.returnReasonCode, d.returnNote, d.reviewNote, d.previousDispatchId,
                d.triggerEventId, utc(d.createdAt), utc(d.updatedAt), d.version};
        return Panache.getSession().flatMap(session -> SessionSql.write(session, INSERT, values)).replaceWithVoid();
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
