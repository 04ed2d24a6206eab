package cn.hotline.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** A lost optimistic-lock race is replayed a few times; nothing else is. */
class ConcurrentChangesTest {

    @Test
    void aLostRaceIsReplayedFromTheStartAndTheReplayWins() {
        AtomicInteger runs = new AtomicInteger();
        String result = ConcurrentChanges.replayingLostRace(() -> runs.incrementAndGet() == 1
                ? Uni.createFrom().failure(new CompletionException(new StaleObjectStateException("Ticket", 1)))
                : Uni.createFrom().item("merged")).await().indefinitely();
        assertThat(result).isEqualTo("merged");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aRaceLostEveryTimeEndsInTheConflictAfterThreeReplays() {
        AtomicInteger runs = new AtomicInteger();
        Uni<String> always = ConcurrentChanges.replayingLostRace(() -> {
            runs.incrementAndGet();
            return Uni.createFrom().failure(new OptimisticLockException("version 3 expected"));
        });
        assertThatThrownBy(() -> always.await().indefinitely()).isInstanceOf(OptimisticLockException.class);
        assertThat(runs).hasValue(4);
    }

    @Test
    void anyOtherFailureIsNotReplayed() {
        AtomicInteger runs = new AtomicInteger();
        Uni<String> refused = ConcurrentChanges.replayingLostRace(() -> {
            runs.incrementAndGet();
            return Uni.createFrom().failure(ProblemException.conflict("ticket 1 is CLOSED", java.util.Map.of()));
        });
        assertThatThrownBy(() -> refused.await().indefinitely()).isInstanceOf(ProblemException.class);
        assertThat(runs).hasValue(1);
        assertThat(ConcurrentChanges.lostRace(new IllegalStateException("x", new OptimisticLockException()))).isTrue();
        assertThat(ConcurrentChanges.lostRace(new IllegalStateException("x"))).isFalse();
    }
}
