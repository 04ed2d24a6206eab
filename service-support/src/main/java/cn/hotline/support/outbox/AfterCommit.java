package cn.hotline.support.outbox;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hibernate.reactive.engine.ReactiveAfterTransactionCompletionProcess;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.session.ReactiveSession;
import org.jboss.logging.Logger;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/** Runs an action once the caller's open transaction has committed (never on rollback). */
public final class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class);
    private static final MethodHandle SESSION_DELEGATE = sessionDelegate();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private AfterCommit() {
    }

    /**
     * Registers {@code action} with the session's transaction. Hibernate Reactive's public API has no commit
     * callback, but its action queue runs after-completion processes once the transaction ends; the queue sits
     * behind the Mutiny session's private delegate. Returns false where that cannot be reached (logged once).
     */
    public static boolean onSession(Mutiny.Session session, Runnable action) {
        if (SESSION_DELEGATE == null || !(session instanceof MutinySessionImpl)) {
            warnOnce("the Hibernate Reactive session is a " + session.getClass().getName());
            return false;
        }
        try {
            ReactiveSession delegate = (ReactiveSession) SESSION_DELEGATE.invoke(session);
            delegate.getReactiveActionQueue().registerProcess((ReactiveAfterTransactionCompletionProcess) (ok, s) -> {
                if (ok) {
                    action.run();
                }
                return CompletableFuture.completedFuture(null);
            });
            return true;
        } catch (Throwable failure) {
            warnOnce(failure.toString());
            return false;
        }
    }

    /** As {@link #onSession}, for a transaction begun on a Vert.x pool connection; without one, runs at once. */
    public static void onConnection(SqlConnection conn, Runnable action) {
        Transaction transaction = conn.transaction();
        if (transaction == null) {
            action.run();
            return;
        }
        transaction.completion().subscribe().with(ok -> action.run(), rolledBack -> {
        });
    }

    private static MethodHandle sessionDelegate() {
        try {
            return MethodHandles.privateLookupIn(MutinySessionImpl.class, MethodHandles.lookup())
                    .findGetter(MutinySessionImpl.class, "delegate", ReactiveSession.class);
        } catch (ReflectiveOperationException | RuntimeException failure) {
            return null;
        }
    }

    private static void warnOnce(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warnf("outbox: no commit callback (%s); the relay's poll finds the events instead", why);
        }
    }
}
