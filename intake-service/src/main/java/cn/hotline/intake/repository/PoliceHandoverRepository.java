package cn.hotline.intake.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.HandoverStatus;
import cn.hotline.intake.mapping.PoliceHandoverView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Hand-overs to 110: written in the transfer-out's transaction (Panache session), then claimed and settled by the
 * worker on the pool. A claim is a lease ({@code claimed_until}, on the database's clock, so replicas' clocks do not
 * matter); a worker that dies mid-delivery leaves the lease to run out and another claim delivers again.
 * Every settling statement names the state it leaves, so a transition outside {@link HandoverStatus}'s table
 * changes nothing.
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
    private static final String CLAIM = "update police_handover set claim_token = $1,"
            + " claimed_until = now() + $2::bigint * interval '1 millisecond' where id in (select id from police_handover"
            + " where status = 'PENDING' and next_attempt_at <= $3 and (claimed_until is null or claimed_until < now())"
            + " order by next_attempt_at limit $4 for update skip locked) returning id, ticket_id, payload, attempts";
    private static final String DELIVERED = "update police_handover set status = 'DELIVERED', attempts = attempts + 1,"
            + " last_attempt_at = $2, last_error = null, acknowledgement_id = $3, acknowledged_at = $4, claim_token = null,"
            + " claimed_until = null where id = $1 and status = 'PENDING' returning ticket_id, status, attempts";
    private static final String FAILED_ATTEMPT = "update police_handover set attempts = attempts + 1, last_attempt_at = $3,"
            + " last_error = $4, next_attempt_at = $5, status = case when attempts + 1 >= $6 then 'FAILED' else 'PENDING' end,"
            + " claim_token = null, claimed_until = null where id = $1 and claim_token = $2 and status = 'PENDING'"
            + " returning ticket_id, status, attempts";
    private static final String RETRY = "update police_handover set status = 'PENDING', attempts = 0, next_attempt_at = $2,"
            + " claim_token = null, claimed_until = null where id = $1 and status = 'FAILED' returning ticket_id, status, attempts";
    private static final String VIEW = "select id, ticket_id, ticket_number, status, attempts, next_attempt_at,"
            + " last_attempt_at, last_error, acknowledgement_id, acknowledged_at, created_at from police_handover";

    private final Pool pool;

    public PoliceHandoverRepository(Pool pool) {
        this.pool = pool;
    }

    /** Opens a hand-over, due at once. Must run inside {@code Panache.withTransaction} (the transfer-out's). */
    public Uni<Integer> open(UUID id, UUID ticketId, String ticketNumber, String payload, Instant at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(INSERT)
                .setParameter("id", id).setParameter("ticket", ticketId).setParameter("number", ticketNumber)
                .setParameter("payload", payload).setParameter("at", utc(at))
                .executeUpdate());
    }

    /** Claims up to {@code limit} pending hand-overs due at {@code now} for {@code lease}. */
    public Uni<List<Claimed>> claimDue(UUID token, Duration lease, Instant now, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(token, lease.toMillis(), utc(now), limit)).map(rows -> {
            List<Claimed> claimed = new ArrayList<>();
            for (Row r : rows) {
                claimed.add(new Claimed(r.getUUID("id"), r.getUUID("ticket_id"), r.getString("payload"),
                        r.getInteger("attempts"), token));
            }
            return claimed;
        });
    }

    /** PENDING → DELIVERED with 110's acknowledgement; empty when it was settled already (a redelivery raced it). */
    public Uni<Settled> delivered(SqlConnection conn, UUID id, Instant attemptAt, String acknowledgementId, Instant acknowledgedAt) {
        return settle(conn.preparedQuery(DELIVERED).execute(Tuple.of(id, utc(attemptAt), acknowledgementId, utc(acknowledgedAt))));
    }

    /** A failed attempt: next try at {@code nextAttemptAt}, or PENDING → FAILED when it was the last one allowed. */
    public Uni<Settled> failedAttempt(SqlConnection conn, UUID id, UUID token, Instant attemptAt, String error,
            Instant nextAttemptAt, int maxAttempts) {
        return settle(conn.preparedQuery(FAILED_ATTEMPT).execute(Tuple.from(java.util.Arrays.asList(id, token, utc(attemptAt), error,
                utc(nextAttemptAt), maxAttempts))));
    }

    /** FAILED → PENDING with a fresh round of attempts, due at {@code at}; empty when it was not FAILED. */
    public Uni<Settled> retry(SqlConnection conn, UUID id, Instant at) {
        return settle(conn.preparedQuery(RETRY).execute(Tuple.of(id, utc(at))));
    }

    public Uni<PoliceHandoverView> find(UUID id) {
        return pool.preparedQuery(VIEW + " where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? view(rows.iterator().next()) : null);
    }

    /** Newest first, optionally of one status and/or one ticket. */
    public Uni<List<PoliceHandoverView>> list(HandoverStatus status, UUID ticketId, int limit) {
        String sql = VIEW + " where ($1::varchar is null or status = $1) and ($2::uuid is null or ticket_id = $2)"
                + " order by created_at desc limit $3";
        return pool.preparedQuery(sql).execute(Tuple.of(status == null ? null : status.name(), ticketId, limit))
                .map(rows -> {
                    List<PoliceHandoverView> views = new ArrayList<>();
                    rows.forEach(r -> views.add(view(r)));
                    return views;
                });
    }

    /** How many hand-overs are not delivered, per status. */
    public Uni<java.util.Map<HandoverStatus, Long>> undeliveredCounts() {
        return pool.query("select status, count(*) from police_handover where status <> 'DELIVERED' group by status").execute()
                .map(rows -> {
                    java.util.Map<HandoverStatus, Long> counts = new java.util.EnumMap<>(HandoverStatus.class);
                    rows.forEach(r -> counts.put(HandoverStatus.valueOf(r.getString(0)), r.getLong(1)));
                    return counts;
                });
    }

    private static Uni<Settled> settle(Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> update) {
        return update.map(rows -> {
            if (!rows.iterator().hasNext()) {
                return null;
            }
            Row r = rows.iterator().next();
            return new Settled(r.getUUID("ticket_id"), HandoverStatus.valueOf(r.getString("status")), r.getInteger("attempts"));
        });
    }

    private static PoliceHandoverView view(Row r) {
        return new PoliceHandoverView(r.getUUID("id"), r.getUUID("ticket_id"), r.getString("ticket_number"),
                r.getString("status"), r.getInteger("attempts"), instant(r, "next_attempt_at"), instant(r, "last_attempt_at"),
                r.getString("last_error"), r.getString("acknowledgement_id"), instant(r, "acknowledged_at"),
                instant(r, "created_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
