package cn.hotline.notify.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Stopped (met or acknowledged) ladder stages per scope (dispatch or ticket id); '*' stops every stage (table escalation_stop). */
@ApplicationScoped
public class ReminderLadderStopRepository {

    /** A stopped stage of a scope ('*': every stage). */
    public record Stop(String scope, String stage) {
    }

    public Uni<Void> stop(String scope, String stage, String reason, Instant at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into escalation_stop (scope, stage, reason,"
                        + " stopped_at) values (:scope, :stage, :reason, :at) on conflict do nothing")
                .setParameter("scope", scope).setParameter("stage", stage).setParameter("reason", reason)
                .setParameter("at", at).executeUpdate()).replaceWithVoid();
    }

    /** Re-opens every stage of {@code scopes} (a new dispatch of the same ticket), with one statement. */
    public Uni<Void> reopen(List<String> scopes) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from escalation_stop where scope in (:scopes)")
                .setParameter("scopes", scopes).executeUpdate()).replaceWithVoid();
    }

    /** True when {@code stage} (or every stage) is stopped for any of {@code scopes}. */
    public Uni<Boolean> stopped(List<String> scopes, String stage) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select count(*) from escalation_stop"
                        + " where scope in (:scopes) and (stage = :stage or stage = '*')", Long.class)
                .setParameter("scopes", scopes).setParameter("stage", stage).getSingleResult())
                .map(count -> ((Number) count).longValue() > 0);
    }

    /** Every stopped stage of any of {@code scopes}, in one statement (for a batch of levels). */
    public Uni<Set<Stop>> stoppedAmong(Collection<String> scopes) {
        if (scopes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select scope, stage from escalation_stop"
                        + " where scope in (:scopes)", Object[].class)
                .setParameter("scopes", scopes).getResultList())
                .map(rows -> {
                    Set<Stop> stops = new HashSet<>();
                    for (Object[] row : rows) {
                        stops.add(new Stop((String) row[0], (String) row[1]));
                    }
                    return stops;
                });
    }
}
