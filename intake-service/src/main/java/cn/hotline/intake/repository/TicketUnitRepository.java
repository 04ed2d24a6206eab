package cn.hotline.intake.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.payload.UnitRef;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Which units a ticket is dispatched to (lead and assisting, per dispatch), for handler visibility. */
@ApplicationScoped
public class TicketUnitRepository {

    public Uni<Void> add(UUID ticketId, String dispatchId, UnitRef lead, List<UnitRef> assisting) {
        Multi<Object[]> rows = Multi.createBy().concatenating().streams(
                Multi.createFrom().items(lead).filter(u -> u != null && u.unitCode() != null).map(u -> new Object[] {u.unitCode(), "LEAD"}),
                Multi.createFrom().iterable(assisting == null ? List.<UnitRef>of() : assisting)
                        .filter(u -> u != null && u.unitCode() != null).map(u -> new Object[] {u.unitCode(), "ASSISTING"}));
        return rows.onItem().transformToUniAndConcatenate(row -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "insert into ticket_unit (ticket_id, dispatch_id, unit_code, role) values (:t, :d, :u, :r)"
                                        + " on conflict do nothing")
                        .setParameter("t", ticketId).setParameter("d", dispatchId)
                        .setParameter("u", row[0]).setParameter("r", row[1]).executeUpdate()))
                .collect().asList().replaceWithVoid();
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
