package cn.hotline.support.vertx;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The one way back to the caller's Vert.x context. A Hibernate Reactive session belongs to the context it was
 * opened on, so work that finishes elsewhere (Lettuce futures, a second pool, an index loading) must resume there
 * before it touches the session again.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** Runs commands on the context current now (inline when there is none, or when already on it). */
    public static Executor capture() {
        Context context = Vertx.currentContext();
        return command -> {
            if (context == null || Vertx.currentContext() == context) {
                command.run();
            } else {
                context.runOnContext(ignored -> command.run());
            }
        };
    }

    /** {@code uni}'s item and failure delivered on the context current at this call. */
    public static <T> Uni<T> resumeOn(Uni<T> uni) {
        return uni.emitOn(capture());
    }

    /** A completion stage (a Lettuce call, a future) as a Uni that resumes on the caller's context. */
    public static <T> Uni<T> stage(Supplier<CompletionStage<T>> stage) {
        return resumeOn(Uni.createFrom().completionStage(stage));
    }
}
