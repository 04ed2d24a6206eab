package cn.hotline.intake.repository;

import java.time.OffsetDateTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Appends to a ticket's trail (merge, 110 linkage, follow-up, status) in the caller's transaction. */
@ApplicationScoped
public class TicketTrail {

    public Uni<Integer> append(UUID ticketId, String action, String actor, String reference, String detail, Instant at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "insert into ticket_trail (ticket_id, action, actor, reference, detail, at)"
                                + " values (:ticket, :action, :actor, :reference, :detail, :at)")
                .setParameter("ticket", ticketId).setParameter("action", action).setParameter("actor", actor)
                .setParameter("reference", reference).setParameter("detail", detail)
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate());
    }
}
