package cn.hotline.support.problem;

import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.smallrye.mutiny.Uni;

/** A person's action that lost a race with the suite's own background write is replayed on fresh state, not bounced. */
public final class ConcurrentChanges {

    /** Enough for a status sync from Kafka to pass by; a human conflict still ends in a 409 after that. */
    private static final int REPLAYS = 3;

    private ConcurrentChanges() {
    }

    /** True when {@code failure} is an optimistic-lock loss (a @Version mismatch) anywhere in its causes. */
    public static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code transaction} and, when it lost a race, runs it again from the start: it re-reads the row, so the
     * state machine judges the action against what is true now. The replay is immediate (no back-off) so it stays
     * on the caller's Vert.x context, which the reactive session requires; the winner has committed already.
     */
    public static <T> Uni<T> replayingLostRace(Supplier<Uni<? extends T>> transaction) {
        return Uni.createFrom().<T>deferred(transaction)
                .onFailure(ConcurrentChanges::lostRace).retry().atMost(REPLAYS);
    }
}
