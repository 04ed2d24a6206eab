package cn.hotline.intake.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import cn.hotline.intake.domain.HandoverStatus;
import cn.hotline.intake.mapping.PoliceHandoverView;
import cn.hotline.intake.service.PiiCipher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Hand-overs to 110, all in the caller's session: written in the transfer-out's transaction, then claimed and settled
 * by the worker, each in a transaction of its own. A claim is a lease ({@code claimed_until}, on the database's clock,
 * so replicas' clocks do not matter); a worker that dies mid-delivery leaves the lease to run out and another claim
 * delivers again. Every settling statement names the state it leaves, so a transition outside
 * {@link HandoverStatus}'s table changes nothing. The payload carries the caller's full phone, so it is sealed at rest
 * ({@link PiiCipher}; rows from before V7 are plaintext and still read).
 */
@ApplicationScoped
public class PoliceHandoverRepository {

    /** A claimed hand-over, ready to send. */
    public record Claimed(UUID id, UUID ticketId, String payload, int attempts, UUID token) {
    }

    /** The row after a settling statement. */
    public record Settled(UUID ticketId, HandoverStatus status, int attempts) {
    }

    private static final String INSERT = "insert into police_handover (id, ticket_id, ticket_number, status, payload,"
            + " next_attempt_at, created_at) values (:id, :ticket, :number, 'PENDING', :payload, :at, :at)";
    // Data-modifying statements are wrapped in a CTE so they read as queries that return the changed rows.
    private static final String CLAIM = "with claimed as (update police_handover set claim_token = :token,"
            + " claimed_until = now() + :lease * interval '1 millisecond' where id in (select id from police_handover"
            + " where status = 'PENDING' and next_attempt_at <= :now and (claimed_until is null or claimed_until < now())"
            + " order by next_attempt_at limit :limit for update skip locked) returning id, ticket_id, payload, attempts)"
            + " select cast(id as varchar), cast(ticket_id as varchar), payload, attempts from claimed";
    private static final String DELIVERED = "update police_handover set status = 'DELIVERED', attempts = attempts + 1,"
            + " last_attempt_at = :attemptAt, last_error = null, acknowledgement_id = :ack, acknowledged_at = :ackAt,"
            + " claim_token = null, claimed_until = null where id = :id and status = 'PENDING'";
    private static final String FAILED_ATTEMPT = "update police_handover set attempts = attempts + 1, last_attempt_at = :attemptAt,"
            + " last_error = :error, next_attempt_at = :next, status = case when attempts + 1 >= :max then 'FAILED' else 'PENDING' end,"
            + " claim_token = null, claimed_until = null where id = :id and claim_token = :token and status = 'PENDING'";
    private static final String RETRY = "update police_handover set status = 'PENDING', attempts = 0, next_attempt_at = :at,"
            + " claim_token = null, claimed_until = null where id = :id and status = 'FAILED'";
    private static final String VIEW = "select cast(id as varchar), cast(ticket_id as varchar), ticket_number, status, attempts,"
            + " next_attempt_at, last_attempt_at, last_error, acknowledgement_id, acknowledged_at, created_at from police_handover";

    private final PiiCipher cipher;

    public PoliceHandoverRepository(PiiCipher cipher) {
        this.cipher = cipher;
    }

    /** Opens a hand-over, due at once; runs inside the caller's transaction (the transfer-out's). */
    public Uni<Integer> open(UUID id, UUID ticketId, String ticketNumber, String payload, Instant at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(INSERT)
                .setParameter("id", id).setParameter("ticket", ticketId).setParameter("number", ticketNumber)
                .setParameter("payload", cipher.seal(payload)).setParameter("at", utc(at))
                .executeUpdate());
    }

    /** Claims up to {@code limit} pending hand-overs due at {@code now} for {@code lease}; in the caller's transaction. */
    public Uni<List<Claimed>> claimDue(UUID token, Duration lease, Instant now, int limit) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(CLAIM, Object[].class)
                        .setParameter("token", token).setParameter("lease", lease.toMillis()).setParameter("now", utc(now))
                        .setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(r -> new Claimed(uuid(r[0]), uuid(r[1]), cipher.open((String) r[2]),
                        ((Number) r[3]).intValue(), token)).toList());
    }

    /** PENDING → DELIVERED with 110's acknowledgement; null when it was settled already (a redelivery raced it). */
    public Uni<Settled> delivered(UUID id, Instant attemptAt, String acknowledgementId, Instant acknowledgedAt) {
        return settle(DELIVERED, id, Map.of("attemptAt", utc(attemptAt), "ack", acknowledgementId, "ackAt", utc(acknowledgedAt)));
    }

    /** A failed attempt: next try at {@code nextAttemptAt}, or PENDING → FAILED when it was the last one allowed. */
    public Uni<Settled> failedAttempt(UUID id, UUID token, Instant attemptAt, String error, Instant nextAttemptAt,
            int maxAttempts) {
        return settle(FAILED_ATTEMPT, id, Map.of("token", token, "attemptAt", utc(attemptAt), "error", error,
                "next", utc(nextAttemptAt), "max", maxAttempts));
    }

    /** FAILED → PENDING with a fresh round of attempts, due at {@code at}; null when it was not FAILED. */
    public Uni<Settled> retry(UUID id, Instant at) {
        return settle(RETRY, id, Map.of("at", utc(at)));
    }

    public Uni<PoliceHandoverView> find(UUID id) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(VIEW + " where id = :id", Object[].class)
                        .setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : view(rows.get(0)));
    }

    /** Newest first, optionally of one status and/or one ticket. */
    public Uni<List<PoliceHandoverView>> list(HandoverStatus status, UUID ticketId, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.name());
        }
        if (ticketId != null) {
            where.add("ticket_id = :ticket");
            params.put("ticket", ticketId);
        }
        String sql = VIEW + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by created_at desc limit :limit";
        params.put("limit", limit);
        return Panache.getSession().flatMap(s -> {
            Mutiny.SelectionQuery<Object[]> query = s.createNativeQuery(sql, Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(PoliceHandoverRepository::view).toList());
    }

    /** How many hand-overs are not delivered, per status. */
    public Uni<Map<HandoverStatus, Long>> undeliveredCounts() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select status, count(*) from police_handover where status <> 'DELIVERED' group by status", Object[].class)
                .getResultList())
                .map(rows -> {
                    Map<HandoverStatus, Long> counts = new EnumMap<>(HandoverStatus.class);
                    rows.forEach(r -> counts.put(HandoverStatus.valueOf((String) r[0]), ((Number) r[1]).longValue()));
                    return counts;
                });
    }

    /** Runs a settling update of hand-over {@code id} and answers the row it left; null when it matched nothing. */
    private Uni<Settled> settle(String update, UUID id, Map<String, Object> params) {
        String sql = "with settled as (" + update + " returning ticket_id, status, attempts)"
                + " select cast(ticket_id as varchar), status, attempts from settled";
        return Panache.getSession().flatMap(s -> {
            Mutiny.SelectionQuery<Object[]> query = s.createNativeQuery(sql, Object[].class).setParameter("id", id);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.isEmpty() ? null : new Settled(uuid(rows.get(0)[0]), HandoverStatus.valueOf((String) rows.get(0)[1]),
                ((Number) rows.get(0)[2]).intValue()));
    }

    private static PoliceHandoverView view(Object[] r) {
        return new PoliceHandoverView(uuid(r[0]), uuid(r[1]), (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                instant(r[5]), instant(r[6]), (String) r[7], (String) r[8], instant(r[9]), instant(r[10]));
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return value instanceof Instant i ? i : null;
    }
}
