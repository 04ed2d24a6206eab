package cn.hotline.intake.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The follow-ups (回访) recorded for tickets: appended in the caller's transaction, beside the close or reopen. */
@ApplicationScoped
public class FollowUpRepository {

    /** One answered (or unanswered) follow-up; {@code resolution}, {@code satisfaction} and {@code note} may be null. */
    public record Answer(String resolution, String satisfaction, String note) {
    }

    public Uni<Integer> append(UUID ticketId, Answer answer, boolean reopened, String closedBy, String actor, Instant at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into follow_up (id, ticket_id, resolution,"
                        + " satisfaction, note, reopened, closed_by, recorded_by, recorded_at)"
                        + " values (:id, :ticket, :resolution, :satisfaction, :note, :reopened, :closedBy, :actor, :at)")
                .setParameter("id", UUID.randomUUID()).setParameter("ticket", ticketId)
                .setParameter("resolution", answer.resolution()).setParameter("satisfaction", answer.satisfaction())
                .setParameter("note", answer.note())
                .setParameter("reopened", reopened).setParameter("closedBy", closedBy).setParameter("actor", actor)
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate());
    }
}
