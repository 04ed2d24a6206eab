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
 */
public final class SessionSql {

    private SessionSql() {
    }

    /** The rows of {@code sql}, each as an array of the driver's values. */
    public static Uni<List<Object[]>> select(Mutiny.Session session, String sql, Object... parameters) {
        if (!(session instanceof MutinySessionImpl impl)) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "not a Hibernate Reactive Mutiny session: " + session.getClass().getName()));
        }
        return session.flush().chain(() -> Uni.createFrom().completionStage(() -> {
            ReactiveConnection connection = impl.getReactiveConnection();
            return connection.select(sql, parameters);
        })).map(result -> {
            List<Object[]> rows = new ArrayList<>(result.size());
            result.forEachRemaining(rows::add);
            return rows;
        });
    }
}
