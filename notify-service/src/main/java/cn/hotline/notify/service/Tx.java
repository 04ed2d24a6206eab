package cn.hotline.notify.service;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Runs a reactive transaction from a blocking thread (the worker, jSMPP callbacks) and waits for it; the SMS
 * sends themselves are blocking I/O and must never run on an event-loop thread.
 */
@ApplicationScoped
public class Tx {

    private static final Duration POOL_WAIT = Duration.ofSeconds(30);

    private final Pool pool;

    public Tx(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in a transaction and waits for its result. */
    public <T> T run(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }

    /** Runs set-based {@code work} in a transaction on a pool connection and waits for its result. */
    public <T> T onPool(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work).await().atMost(POOL_WAIT);
    }

    /**
     * Runs {@code work} of one statement on a pool connection without a transaction of its own, and waits for its
     * result: a single statement is atomic anyway, and BEGIN and COMMIT would be two more round trips.
     */
    public <T> T once(Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(work).await().atMost(POOL_WAIT);
    }

    /** Runs {@code work}, which opens its own transactions, on a Vert.x context and waits for its result. */
    public <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
