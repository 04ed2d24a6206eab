package cn.hotline.intake.service;

import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Transactions for background work that has no request's context (the 110 hand-over worker): each runs on a worker
 * thread and a fresh Vert.x context, so transactions in parallel never share a reactive session.
 */
@ApplicationScoped
public class BackgroundTransactions {

    /** {@code work} in a transaction of its own; its item (or failure) once it has committed (or rolled back). */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().item(() -> await(work)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new CompletionException(e);
        }
    }
}
