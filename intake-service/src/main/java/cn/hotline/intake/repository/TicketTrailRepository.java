package cn.hotline.intake.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A ticket's trail (merge, 110 linkage, follow-up, status): appended in the caller's transaction, read in order. */
@ApplicationScoped
public class TicketTrailRepository {

    /** One step of the trail. */
    public record Entry(String action, String actor, String reference, String detail, Instant at) {
    }

    @SuppressWarnings("unchecked")
    public Uni<List<Entry>> list(UUID ticketId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select action, actor, reference, detail, at from ticket_trail where ticket_id = :ticket order by id",
                        Object[].class)
                .setParameter("ticket", ticketId).getResultList())
                .map(rows -> ((List<Object[]>) (List<?>) rows).stream().map(r -> new Entry((String) r[0],
                        (String) r[1], (String) r[2], (String) r[3], toInstant(r[4]))).toList());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return value instanceof Instant i ? i : null;
    }

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
