package cn.hotline.intake.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.payload.UnitRef;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Which units a ticket is dispatched to (lead and assisting, per dispatch), for handler visibility. */
@ApplicationScoped
public class TicketUnitRepository {

    private static final String ADD = "insert into ticket_unit (ticket_id, dispatch_id, unit_code, role)"
            + " select $1::uuid, $2::varchar, u, r from unnest($3::varchar[], $4::varchar[]) as x(u, r) on conflict do nothing returning unit_code";

    /** The dispatch's lead and assisting units see the ticket (one statement). */
    public Uni<Void> add(UUID ticketId, String dispatchId, UnitRef lead, List<UnitRef> assisting) {
        List<String> codes = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        if (lead != null && lead.unitCode() != null) {
            codes.add(lead.unitCode());
            roles.add("LEAD");
        }
        for (UnitRef unit : assisting == null ? List.<UnitRef>of() : assisting) {
            if (unit != null && unit.unitCode() != null) {
                codes.add(unit.unitCode());
                roles.add("ASSISTING");
            }
        }
        if (codes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> SessionSql.select(session, ADD, ticketId, dispatchId,
                codes.toArray(new String[0]), roles.toArray(new String[0]))).replaceWithVoid();
    }

    /** A re-dispatch (改派) ends the old dispatch: its units no longer see the ticket. */
    public Uni<Integer> removeDispatch(UUID ticketId, String dispatchId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "delete from ticket_unit where ticket_id = :t and dispatch_id = :d")
                .setParameter("t", ticketId).setParameter("d", dispatchId).executeUpdate());
    }

    public Uni<Boolean> visibleTo(UUID ticketId, String unitCode) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select count(*) from ticket_unit where ticket_id = :t and unit_code = :u", Long.class)
                .setParameter("t", ticketId).setParameter("u", unitCode).getSingleResult())
                .map(count -> count > 0);
    }
}
