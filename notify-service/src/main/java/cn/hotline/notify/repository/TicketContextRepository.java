package cn.hotline.notify.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.TicketContext;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Per-ticket dispatch context. */
@ApplicationScoped
public class TicketContextRepository implements PanacheRepositoryBase<TicketContext, String> {

    // The dispatch's own fields change only for the current dispatch: an event of an older one (the end of a reassigned
    // dispatch) must not overwrite them; dispatch.assigned always makes its dispatch the current one. Absent facts
    // keep what is known.
    private static final String CURRENT = "(k.dispatch_id is null or k.dispatch_id = excluded.dispatch_id"
            + " or excluded.state = 'ASSIGNED')";
    private static final String REMEMBER = "insert into ticket_context as k (ticket_id, ticket_number, dispatch_id,"
            + " unit_code, unit_name, handler_id, state, category_code, address, county_code, town_code, case_leader_id,"
            + " urgency, updated_at, version) values ($1::varchar, $2::varchar, $3::varchar, $4::varchar, $5::varchar,"
            + " $6::varchar, $7::varchar, $8::varchar, $9::varchar, $10::varchar, $11::varchar, $12::varchar, $13::varchar,"
            + " $14::timestamptz, 0) on conflict (ticket_id) do update set"
            + " ticket_number = coalesce(excluded.ticket_number, k.ticket_number),"
            + " dispatch_id = case when " + CURRENT + " then excluded.dispatch_id else k.dispatch_id end,"
            + " unit_code = case when " + CURRENT + " then coalesce(excluded.unit_code, k.unit_code) else k.unit_code end,"
            + " unit_name = case when " + CURRENT + " then coalesce(excluded.unit_name, k.unit_name) else k.unit_name end,"
            + " handler_id = case when " + CURRENT + " then coalesce(excluded.handler_id, k.handler_id) else k.handler_id end,"
            + " state = case when " + CURRENT + " then excluded.state else k.state end,"
            + " category_code = coalesce(excluded.category_code, k.category_code),"
            + " address = coalesce(excluded.address, k.address), county_code = coalesce(excluded.county_code, k.county_code),"
            + " town_code = coalesce(excluded.town_code, k.town_code),"
            + " case_leader_id = coalesce(excluded.case_leader_id, k.case_leader_id),"
            + " urgency = coalesce(excluded.urgency, k.urgency), updated_at = excluded.updated_at, version = k.version + 1"
            + " returning ticket_id";

    /**
     * Records what a dispatch event says of its ticket ({@code c}: the event's facts, null where it says nothing) with
     * one statement in the session's transaction.
     */
    public Uni<Void> remember(TicketContext c) {
        Instant at = c.updatedAt;
        return Panache.getSession().flatMap(session -> SessionSql.select(session, REMEMBER, c.ticketId, c.ticketNumber,
                c.dispatchId, c.unitCode, c.unitName, c.handlerId, c.state, c.categoryCode, c.address, c.countyCode,
                c.townCode, c.caseLeaderId, c.urgency, at == null ? null : at.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** The contexts of {@code ticketIds} that exist, by ticket id. */
    public Uni<Map<String, TicketContext>> byIds(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("ticketId in ?1", ticketIds)
                .map(found -> found.stream().collect(Collectors.toMap(t -> t.ticketId, Function.identity())));
    }
}
