package cn.hotline.routing.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.DispatchActionLog;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The action history of dispatches: appended by one statement each, never changed. */
@ApplicationScoped
public class DispatchActionRepository implements PanacheRepositoryBase<DispatchActionLog, UUID> {

    private static final String APPEND = "insert into dispatch_action (id, dispatch_id, action, actor, acting_unit_code,"
            + " from_state, to_state, reason_code, note, at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    /**
     * Appends {@code entry} on the session's connection, in its transaction, without an entity insert (the history is
     * only ever added to; the session does not hold the entry). No foreign key ties it to the dispatch, whose own
     * insert may still be pending in the session.
     */
    public Uni<Void> append(DispatchActionLog entry) {
        return Panache.getSession().flatMap(session -> SessionSql.write(session, APPEND, entry.id, entry.dispatchId,
                entry.action, entry.actor, entry.actingUnitCode, entry.fromState, entry.toState, entry.reasonCode,
                entry.note, utc(entry.at))).replaceWithVoid();
    }

    public Uni<List<DispatchActionLog>> findByDispatch(UUID dispatchId) {
        return list("dispatchId", Sort.by("at").and("seq"), dispatchId);
    }
}
