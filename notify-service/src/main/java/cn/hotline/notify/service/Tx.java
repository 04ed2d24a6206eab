package cn.hotline.notify.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Runs a reactive transaction from a blocking thread (the worker, jSMPP callbacks) and waits for it; the SMS
 * sends themselves are blocking I/O and must never run on an event-loop thread.
 */
@ApplicationScoped
public class Tx {

    /** Runs {@code work} in a transaction and waits for its result. */
    public <T> T run(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
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
