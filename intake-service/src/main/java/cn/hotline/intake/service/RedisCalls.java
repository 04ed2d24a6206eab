package cn.hotline.intake.service;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Wraps a Lettuce call in a Uni that resumes on the caller's Vert.x context (where the reactive session lives). */
final class RedisCalls {

    private RedisCalls() {
    }

    static <T> Uni<T> call(Supplier<CompletionStage<T>> command) {
        Context context = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().completionStage(command);
        return context == null ? uni : uni.emitOn(runnable -> context.runOnContext(ignored -> runnable.run()));
    }
}
