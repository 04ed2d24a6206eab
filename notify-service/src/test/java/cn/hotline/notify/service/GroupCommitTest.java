package cn.hotline.notify.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent callers share a write; each returns once its own item is written; a bad item fails only its caller. */
class GroupCommitTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<String> written = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void callersWaitingWhileABatchIsWrittenGoOutTogetherInTheNext() throws Exception {
        CountDownLatch firstWriteMayFinish = new CountDownLatch(1);
        GroupCommit<String> commit = new GroupCommit<>(50, batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                released(firstWriteMayFinish);
            }
            written.addAll(batch);
        }, one -> {
            throw new AssertionError("no batch failed");
        });
        List<Future<?>> calls = new ArrayList<>();
        calls.add(callers.submit(() -> commit.submit("a0")));
        await().atMost(Duration.ofSeconds(30)).until(() -> batches.size() == 1);
        for (int i = 1; i <= 7; i++) {
            String item = "a" + i;
            calls.add(callers.submit(() -> commit.submit(item)));
        }
        // All seven are queued behind the writer before the first write ends.
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingCallers() == 7);
        assertThat(written).isEmpty();
        firstWriteMayFinish.countDown();
        for (Future<?> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly("a0");
        assertThat(batches.get(1)).containsExactlyInAnyOrder("a1", "a2", "a3", "a4", "a5", "a6", "a7");
        assertThat(written).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void aBadItemFailsItsOwnCallerOnlyAndTheRestAreWritten() {
        GroupCommit<String> commit = new GroupCommit<>(50, batch -> {
            if (batch.contains("bad")) {
                throw new IllegalStateException("the batch's transaction rolled back");
            }
            written.addAll(batch);
        }, one -> {
            if (one.equals("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            written.add(one);
        });
        commit.submit("good");
        assertThatThrownBy(() -> commit.submit("bad")).isInstanceOf(IllegalArgumentException.class);
        commit.submit("after");
        assertThat(written).containsExactly("good", "after");
    }

    private long waitingCallers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("pool-") && t.getState() == Thread.State.WAITING)
                .filter(t -> List.of(t.getStackTrace()).stream().anyMatch(f -> f.getClassName().equals(GroupCommit.class.getName())))
                .count();
    }

    private static void released(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
