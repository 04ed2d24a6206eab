package cn.hotline.support.inbox;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Tells failures that go away by themselves (database unreachable, lock conflicts) from poison records. */
public final class TransientFailures {

    /** SQLSTATE classes: 08 connection, 40 rollback (serialization, deadlock), 53 resources, 57 operator (shutdown). */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedChannelException
                    || cause instanceof ClosedConnectionException || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException
                    || cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().length() >= 2
                    && TRANSIENT_SQL_CLASSES.contains(pg.getSqlState().substring(0, 2))) {
                return true;
            }
            // At shutdown the pool closes under a record in flight: retrying keeps its offset uncommitted, so the
            // record is redelivered after the restart instead of being skipped.
            if ("Pool closed".equals(cause.getMessage()) || "Connection is not active now".equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
