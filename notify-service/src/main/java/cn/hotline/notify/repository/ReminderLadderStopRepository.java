package cn.hotline.notify.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Stopped (met or acknowledged) ladder stages per scope (dispatch or ticket id); '*' stops every stage (table escalation_stop). */
@ApplicationScoped
public class ReminderLadderStopRepository {

    public Uni<Void> stop(String scope, String stage, String reason, Instant at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into escalation_stop (scope, stage, reason,"
                        + " stopped_at) values (:scope, :stage, :reason, :at) on conflict do nothing")
                .setParameter("scope", scope).setParameter("stage", stage).setParameter("reason", reason)
                .setParameter("at", at).executeUpdate()).replaceWithVoid();
    }

    /** Re-opens a stage for a new dispatch of the same ticket. */
    public Uni<Void> reopen(String scope) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from escalation_stop where scope = :scope")
                .setParameter("scope", scope).executeUpdate()).replaceWithVoid();
    }

    /** True when {@code stage} (or every stage) is stopped for any of {@code scopes}. */
    public Uni<Boolean> stopped(List<String> scopes, String stage) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select count(*) from escalation_stop"
                        + " where scope in (:scopes) and (stage = :stage or stage = '*')", Long.class)
                .setParameter("scopes", scopes).setParameter("stage", stage).getSingleResult())
                .map(count -> ((Number) count).longValue() > 0);
    }
}
