package cn.hotline.sla.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.sla.domain.Policy;
import cn.hotline.sla.domain.Stage;
import cn.hotline.sla.domain.StageDefinition;
import cn.hotline.sla.domain.TimeMode;
import cn.hotline.sla.domain.TimerContext;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.domain.TimerScope;
import cn.hotline.sla.schedule.BulkArming;
import cn.hotline.sla.service.TimerPlanner;
import cn.hotline.support.redis.RedisConnection;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Hand-run benchmark (not part of verify: the class name does not end in Test). Run with
 * {@code ./mvnw -B -pl sla-service verify -Dtest=ScheduleBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.timers=1000000 -Dbench.rate=2000 -Dbench.seconds=10}. Prints arm rate, Redis and PostgreSQL bytes
 * per timer, and firing lateness p50/p99/max at the given fire rate (real clock, real servers).
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class ScheduleBench {

    private static final int BATCH = 5_000;

    @Inject
    TimerPlanner planner;
    @Inject
    BulkArming arming;
    @Inject
    RedisConnection redis;
    @Inject
    Pool pool;

    @Test
    void armAndFire() {
        int total = Integer.getInteger("bench.timers", 100_000);
        int rate = Integer.getInteger("bench.rate", 2_000);
        int seconds = Integer.getInteger("bench.seconds", 10);
        String run = "bench" + UUID.randomUUID().toString().substring(0, 6) + "-";

        long redisBefore = redisUsedMemory();
        long pgBefore = tableBytes();
        System.gc();
        long heapBefore = usedHeap();
        Instant now = Instant.now();
        long started = System.nanoTime();
        // Four batches in flight at a time, as several producers (or instances) would arm.
        List<io.smallrye.mutiny.Uni<Integer>> inFlight = new ArrayList<>();
        for (int from = 0; from < total; from += BATCH) {
            List<TimerEntity> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(total, from + BATCH); i++) {
                batch.add(timer(run + "a" + i, now, "P30D"));
            }
            inFlight.add(arming.arm(batch));
            if (inFlight.size() == 4 || from + BATCH >= total) {
                io.smallrye.mutiny.Uni.join().all(inFlight).andFailFast().await().atMost(Duration.ofMinutes(5));
                inFlight.clear();
            }
        }
        double armSeconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long heapAfter = usedHeap();
        long redisBytes = redisUsedMemory() - redisBefore;
        long pgBytes = tableBytes() - pgBefore;

        int firing = rate * seconds;
        Instant first = Instant.now().plusSeconds(10);
        List<TimerEntity> due = new ArrayList<>(firing);
        for (int i = 0; i < firing; i++) {
            Instant at = first.plusNanos(1_000_000_000L / rate * i);
            due.add(timer(run + "f" + i, at.minusSeconds(1), "PT1S"));
        }
        for (int from = 0; from < firing; from += BATCH) {
            arming.arm(due.subList(from, Math.min(firing, from + BATCH))).await().atMost(Duration.ofMinutes(5));
        }
        await().atMost(Duration.ofSeconds(seconds + 120L)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(run + "f%") >= firing);
        Row lateness = pool.preparedQuery("select percentile_cont(0.5) within group (order by ms) p50,"
                + " percentile_cont(0.99) within group (order by ms) p99, max(ms) mx from (select extract(epoch from"
                + " (fired_at - due_at)) * 1000 ms from sla_firing where timer_id like $1) l")
                .execute(Tuple.of(run + "f%")).await().atMost(Duration.ofMinutes(1)).iterator().next();

        System.out.printf("%n=== SLA schedule benchmark ===%n");
        System.out.printf("armed %,d timers in %.1f s: %,.0f timers/s%n", total, armSeconds, total / armSeconds);
        System.out.printf("Redis: %,d bytes for %,d timers = %.0f B/timer (%.0f MB per 1M)%n", redisBytes, total,
                (double) redisBytes / total, redisBytes * 1e6 / total / 1048576);
        System.out.printf("PostgreSQL sla_timer: %.0f B/timer (%.0f MB per 1M); JVM heap delta %.1f MB (timers are not kept in heap)%n",
                (double) pgBytes / total, pgBytes * 1e6 / total / 1048576, (heapAfter - heapBefore) / 1048576.0);
        System.out.printf("fired %,d timers at %,d/s over %d s with %,d active: lateness p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                firing, rate, seconds, total + firing, lateness.getDouble("p50"), lateness.getDouble("p99"),
                lateness.getDouble("mx"));
    }

    private TimerEntity timer(String id, Instant start, String duration) {
        Policy policy = new Policy("BENCH", "bench", 0, null, "default", List.of());
        StageDefinition stage = new StageDefinition(Stage.CLOSE, TimerScope.TICKET, "dispatch.assigned",
                "dispatch.completed", duration, TimeMode.CLOCK, List.of(), null, 0);
        TimerEntity timer = planner.newTimer(policy, stage, new TimerContext(id, null, null, "U", null, null, null,
                "URGENT"), start, start);
        timer.id = id;
        return timer;
    }

    private long count(String like) {
        return pool.preparedQuery("select count(*) from sla_firing where timer_id like $1").execute(Tuple.of(like))
                .await().atMost(Duration.ofMinutes(1)).iterator().next().getLong(0);
    }

    private long tableBytes() {
        return pool.query("select pg_total_relation_size('sla_timer')").execute().await().atMost(Duration.ofMinutes(1))
                .iterator().next().getLong(0);
    }

    private long redisUsedMemory() {
        for (String line : redis.get().sync().info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        return 0;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
