package cn.hotline.intake.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Idempotency-Key → the first response. {@link #claim} inserts the key in the caller's transaction; a
 * concurrent request with the same key blocks on the unique key until the first commits, then reads it.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The stored outcome of a key. */
    public record Stored(String requestHash, UUID ticketId, String response) {
    }

    /** True when this transaction now owns the key; false when another request already completed it. */
    public Uni<Boolean> claim(String key, String requestHash) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "insert into idempotency_key (key, request_hash) values (:key, :hash) on conflict do nothing")
                .setParameter("key", key).setParameter("hash", requestHash).executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Stored> stored(String key) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select request_hash, cast(ticket_id as varchar), response from idempotency_key where key = :key",
                        Object[].class)
                .setParameter("key", key).getSingleResult())
                .map(row -> new Stored((String) row[0], row[1] == null ? null : UUID.fromString((String) row[1]),
                        (String) row[2]));
    }

    public Uni<Integer> complete(String key, UUID ticketId, String response) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update idempotency_key set ticket_id = :ticket, response = :response where key = :key")
                .setParameter("key", key).setParameter("ticket", ticketId).setParameter("response", response)
                .executeUpdate());
    }
}
