package cn.hotline.support.repository;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

import io.smallrye.mutiny.Uni;

/**
 * A native SELECT (or a data-modifying statement with RETURNING) on the session's own connection, in its transaction,
 * with PostgreSQL's {@code $1…} parameters. Hibernate Reactive 3.2 with ORM 7.2 misses its query-plan cache on every
 * native select (a new plan per execution, all with the same hash, so the cache fills with colliding keys and every
 * lookup scans them: 5–9 % of a consumer's CPU); hot paths go through here instead. Like a native query, it writes
 * the session's pending changes first, so what it reads includes them.
 * <p>
 * {@link #write} is the same for an INSERT, UPDATE or DELETE of a table that no entity maps (the outbox, the inbox, a
 * key table), without writing the session's pending changes first: a native update checks every entity the session
 * holds before it runs (a third of intake's native-update CPU), and these statements neither read nor depend on those
 * changes, which follow at the session's next flush or at its commit, in the same transaction. It also inserts new
 * rows of an entity's table that the session then does not hold (routing's append-only action history, intake's new
 * tickets): one statement instead of an entity insert, for rows no foreign key ties to a pending insert.
 */
public final class SessionSql {

    private SessionSql() {
    }

    /** The rows of {@code sql}, each as an array of the driver's values. */
    public static Uni<List<Object[]>> select(Mutiny.Session session, String sql, Object... parameters) {
        return session.flush().chain(() -> Uni.createFrom().completionStage(() -> connection(session).select(sql, parameters)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** Whether {@code query} (a SELECT) finds a row, asked as one {@code select exists (…)}. */
    public static Uni<Boolean> exists(Mutiny.Session session, String query, Object... parameters) {
        return select(session, "select exists (" + query + ")", parameters).map(rows -> Boolean.TRUE.equals(rows.get(0)[0]));
    }

    /**
     * The count of rows {@code sql} (an INSERT, UPDATE or DELETE of a table no entity maps, or an INSERT of rows the
     * session will not hold) changed, on the session's own connection in its transaction, without flushing it first.
     */
    public static Uni<Integer> write(Mutiny.Session session, String sql, Object... parameters) {
        return Uni.createFrom().completionStage(() -> connection(session).update(sql, parameters));
    }

    private static ReactiveConnection connection(Mutiny.Session session) {
        if (!(session instanceof MutinySessionImpl impl)) {
            throw new IllegalStateException("not a Hibernate Reactive Mutiny session: " + session.getClass().getName());
        }
        return impl.getReactiveConnection();
    }
}
