package cn.hotline.sla.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Tickets merged away or transferred out: no timer may start for them, whatever arrives later. */
@ApplicationScoped
public class EndedTicketRepository {

    /** Records the end; idempotent. Runs in the consumer's transaction. */
    public Uni<Void> mark(String ticketId, String reason, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "insert into ended_ticket (ticket_id, reason, ended_at) values (:id, :reason, :at)"
                                + " on conflict (ticket_id) do nothing")
                .setParameter("id", ticketId)
                .setParameter("reason", reason)
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Boolean> isEnded(String ticketId) {
        return Panache.getSession().flatMap(session -> SessionSql.exists(session,
                "select 1 from ended_ticket where ticket_id = $1", ticketId));
    }
}
