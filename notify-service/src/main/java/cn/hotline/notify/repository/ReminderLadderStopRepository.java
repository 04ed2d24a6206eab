package cn.hotline.notify.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Stopped (met or acknowledged) ladder stages per scope (dispatch or ticket id); '*' stops every stage (table escalation_stop). */
@ApplicationScoped
public class ReminderLadderStopRepository {

    // On the session's connection through SessionSql (no entity maps the table): no native-query plan per call.
    private static final String STOP = "insert into escalation_stop (scope, stage, reason, stopped_at) values ($1, $2, $3, $4)"
            + " on conflict do nothing";
    private static final String REOPEN = "delete from escalation_stop where scope = any($1::varchar[])";
    private static final String STOPPED = "select 1 from escalation_stop where scope = any($1::varchar[])"
            + " and (stage = $2 or stage = '*')";
    private static final String STOPS = "select scope, stage from escalation_stop where scope = any($1::varchar[])";

    /** A stopped stage of a scope ('*': every stage). */
    public record Stop(String scope, String stage) {
    }

    public Uni<Void> stop(String scope, String stage, String reason, Instant at) {
        return Panache.getSession().flatMap(s -> SessionSql.write(s, STOP, scope, stage, reason, utc(at))).replaceWithVoid();
    }

    /** Re-opens every stage of {@code scopes} (a new dispatch of the same ticket), with one statement. */
    public Uni<Void> reopen(List<String> scopes) {
        return Panache.getSession().flatMap(s -> SessionSql.write(s, REOPEN, (Object) array(scopes))).replaceWithVoid();
    }

    /** True when {@code stage} (or every stage) is stopped for any of {@code scopes}. */
    public Uni<Boolean> stopped(List<String> scopes, String stage) {
        return Panache.getSession().flatMap(s -> SessionSql.exists(s, STOPPED, array(scopes), stage));
    }

    /** Every stopped stage of any of {@code scopes}, in one statement (for a batch of levels). */
    public Uni<Set<Stop>> stoppedAmong(Collection<String> scopes) {
        if (scopes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().flatMap(s -> SessionSql.select(s, STOPS, (Object) array(scopes)))
                .map(rows -> {
                    Set<Stop> stops = new HashSet<>();
                    for (Object[] row : rows) {
                        stops.add(new Stop((String) row[0], (String) row[1]));
                    }
                    return stops;
                });
    }

    private static String[] array(Collection<String> scopes) {
        return scopes.toArray(String[]::new);
    }
}
