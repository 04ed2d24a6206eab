package cn.hotline.intake.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Progress-link token hashes and SMS opt-outs by number (pseudonymous key), in the caller's session. */
@ApplicationScoped
public class CitizenLinkRepository {

    public Uni<Integer> addProgressLink(String tokenHash, UUID ticketId, Instant at) {
        return Panache.getSession().flatMap(s -> SessionSql.write(s,
                "insert into progress_link (token_hash, ticket_id, issued_at) values ($1, $2, $3)", tokenHash, ticketId, utc(at)));
    }

    /** The ticket a progress token was issued for, or null. */
    @SuppressWarnings("unchecked")
    public Uni<UUID> ticketOf(String tokenHash) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select ticket_id from progress_link where token_hash = :hash", UUID.class)
                .setParameter("hash", tokenHash).getResultList())
                .map(rows -> ((List<UUID>) (List<?>) rows).isEmpty() ? null : ((List<UUID>) (List<?>) rows).get(0));
    }

    /** Records the number's opt-out once (a repeat keeps the first). */
    public Uni<Integer> optOut(String phoneKey, String source, Instant at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "insert into sms_opt_out (phone_key, source, opted_out_at) values (:key, :source, :at)"
                                + " on conflict (phone_key) do nothing")
                .setParameter("key", phoneKey).setParameter("source", source).setParameter("at", utc(at))
                .executeUpdate());
    }

    public Uni<Boolean> optedOut(String phoneKey) {
        return Panache.getSession().flatMap(s -> SessionSql.exists(s,
                "select 1 from sms_opt_out where phone_key = $1", phoneKey));
    }
}
