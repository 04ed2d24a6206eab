package cn.hotline.intake.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Idempotency-Key → the first response. {@link #claim} inserts the key in the caller's transaction; a
 * concurrent request with the same key blocks on the unique key until the first commits, then reads it.
 * A key claimed with {@link #claimUntil} holds only until its expiry; after that the next claim takes it over.
 */
@ApplicationScoped
public class IdempotencyKeyRepository {

    // The request path's statements go through SessionSql: no native-query plan per call, no flush of the new ticket
    // before them (no entity maps this table, and nothing here reads the ticket).
    private static final String CLAIM = "insert into idempotency_key (key, request_hash) values ($1, $2) on conflict do nothing";
    private static final String CLAIM_UNTIL = "insert into idempotency_key as k (key, request_hash, created_at, expires_at)"
            + " values ($1, $2, $3, $4) on conflict (key) do update set request_hash = excluded.request_hash, ticket_id = null,"
            + " response = null, created_at = excluded.created_at, expires_at = excluded.expires_at"
            + " where k.expires_at <= excluded.created_at";
    private static final String STORED = "select request_hash, cast(ticket_id as varchar), response from idempotency_key"
            + " where key = $1";
    private static final String LIVE = STORED + " and ticket_id is not null and (expires_at is null or expires_at > $2)";
    private static final String COMPLETE = "update idempotency_key set ticket_id = $1, response = $2 where key = $3";

    /** The stored outcome of a key. */
    public record Stored(String requestHash, UUID ticketId, String response) {
    }

    /** True when this transaction now owns the key; false when another request already completed it. */
    public Uni<Boolean> claim(String key, String requestHash) {
        return Panache.getSession().flatMap(s -> SessionSql.write(s, CLAIM, key, requestHash)).map(inserted -> inserted == 1);
    }

    /**
     * As {@link #claim}, for a key that holds until {@code expiresAt}: true also when the key had lapsed by {@code now}
     * (its old answer is then forgotten). A concurrent claim waits on the row, then sees the new expiry and loses.
     */
    public Uni<Boolean> claimUntil(String key, String requestHash, Instant now, Instant expiresAt) {
        return Panache.getSession().flatMap(s -> SessionSql.write(s, CLAIM_UNTIL, key, requestHash, utc(now), utc(expiresAt)))
                .map(claimed -> claimed == 1);
    }

    /** The outcome stored under {@code key}, which exists (this transaction lost its claim to it). */
    public Uni<Stored> stored(String key) {
        return Panache.getSession().flatMap(s -> SessionSql.select(s, STORED, key)).map(rows -> {
            if (rows.isEmpty()) {
                throw new IllegalStateException("Idempotency-Key '" + key + "' was claimed but is not stored");
            }
            return stored(rows.get(0));
        });
    }

    /** The completed outcome of {@code key} if it still holds at {@code now} (no expiry, or not yet lapsed); else null. */
    public Uni<Stored> live(String key, Instant now) {
        return Panache.getSession().flatMap(s -> SessionSql.select(s, LIVE, key, utc(now)))
                .map(rows -> rows.isEmpty() ? null : stored(rows.get(0)));
    }

    public Uni<Integer> complete(String key, UUID ticketId, String response) {
        return Panache.getSession().flatMap(s -> SessionSql.write(s, COMPLETE, ticketId, response, key));
    }

    /**
     * Forgets the keys created before {@code createdBefore}; a key whose window is still open at {@code now} stays until
     * it has passed. Runs inside the caller's transaction.
     */
    public Uni<Integer> purge(Instant createdBefore, Instant now) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "delete from idempotency_key where created_at < :before and (expires_at is null or expires_at <= :now)")
                .setParameter("before", utc(createdBefore)).setParameter("now", utc(now)).executeUpdate());
    }

    private static Stored stored(Object[] row) {
        return new Stored((String) row[0], row[1] == null ? null : UUID.fromString((String) row[1]), (String) row[2]);
    }
}
