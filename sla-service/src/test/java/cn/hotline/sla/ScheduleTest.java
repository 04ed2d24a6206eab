package cn.hotline.sla;

import cn.hotline.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventCodec;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.sla.domain.Policy;
import cn.hotline.sla.domain.Stage;
import cn.hotline.sla.domain.StageDefinition;
import cn.hotline.sla.domain.TimeMode;
import cn.hotline.sla.domain.TimerContext;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.domain.TimerScope;
import cn.hotline.sla.schedule.BulkArming;
import cn.hotline.sla.schedule.ScheduleLoop;
import cn.hotline.sla.schedule.SchedulerLifecycle;
import cn.hotline.sla.service.TimerPlanner;
import cn.hotline.support.redis.RedisConnection;
import cn.hotline.testsupport.HotlineTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Exact, durable firing against real PostgreSQL and Redis, time driven by the test clock: two loops on one
 * Redis fire 10,000 timers once each; FLUSHDB mid-run loses and doubles nothing; a deadline passed while the
 * scheduler was down fires on restart, marked late. (FLUSHDB touches only this module's Redis db index 13.)
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class ScheduleTest {

    private static final Duration BOUND = Duration.ofSeconds(90);

    @Inject
    TimerPlanner planner;
    @Inject
    BulkArming arming;
    @Inject
    SchedulerLifecycle scheduler;
    @Inject
    RedisConnection redis;
    @Inject
    Pool pool;
    @Inject
    MeterRegistry registry;
    @Inject
    TestClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void twoInstancesFireTenThousandTimersDueInTheSameSecondExactlyOnce() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int batch = 0; batch < 5; batch++) {
            arming.arm(timers(prefix, batch * 2_000, 2_000, t0, "PT1S", List.of())).await().atMost(BOUND);
        }
        double duplicatesBefore = duplicates();
        ScheduleLoop second = scheduler.newLoop("second-instance");
        second.start();
        try {
            clock.set(t0.plusMillis(1_500));
            second.wake();
            scheduler.wake();
            await().atMost(BOUND).until(() -> count("select count(*) from sla_firing where timer_id like $1", prefix) == 10_000);
            assertThat(count("select count(distinct timer_id) from sla_firing where timer_id like $1", prefix)).isEqualTo(10_000);
            assertThat(count("select count(*) from outbox_event where id like $1", "sla:" + prefix)).isEqualTo(10_000);
            assertThat(count("select count(*) from sla_timer where id like $1 and next_due_at is null and breached", prefix))
                    .isEqualTo(10_000);
            assertThat(duplicates()).as("no timer was claimed twice").isEqualTo(duplicatesBefore);
            assertThat(count("select count(distinct instance) from sla_firing where timer_id like $1", prefix))
                    .as("several claimers took part").isGreaterThanOrEqualTo(2);
            String metrics = io.restassured.RestAssured.given().when().get("/q/metrics").then().statusCode(200)
                    .extract().asString();
            assertThat(metrics).contains("sla_firing_lateness_seconds_bucket", "sla_timers_active",
                    "sla_firings_total{outcome=\"fired\"}");
        } finally {
            second.stop();
        }
    }

    @Test
    void flushingRedisMidRunLosesAndDoublesNothing() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String prefix = "f" + UUID.randomUUID().toString().substring(0, 8) + "-";
        arming.arm(timers(prefix, 0, 150, t0, "PT1S", List.of())).await().atMost(BOUND);
        arming.arm(timers(prefix, 150, 150, t0, "PT30S", List.of(50))).await().atMost(BOUND);
        assertThat(count("select count(*) from sla_timer where id like $1 and handler_id = 'handler-1'"
                + " and county_code = '330502' and town_code = '330502001'", prefix))
                .as("bulk-armed timers keep their handler and place").isEqualTo(300);
        double duplicatesBefore = duplicates();
        clock.set(t0.plusSeconds(2));
        scheduler.wake();
        await().atMost(BOUND).until(() -> count("select count(*) from sla_firing where timer_id like $1", prefix) == 150);

        redis.get().sync().flushdb();
        await().atMost(BOUND).until(() -> redis.get().sync().exists("sla:schedule:built") == 1);
        assertThat(redis.get().sync().zscore("sla:schedule", prefix + 200)).as("rebuilt from PostgreSQL")
                .isEqualTo((double) t0.plusSeconds(15).toEpochMilli());

        clock.set(t0.plusSeconds(16));
        scheduler.wake();
        await().atMost(BOUND).until(() -> count("select count(*) from sla_firing where timer_id like $1", prefix) == 300);
        clock.set(t0.plusSeconds(31));
        scheduler.wake();
        await().atMost(BOUND).until(() -> count("select count(*) from sla_firing where timer_id like $1", prefix) == 450);
        assertThat(count("select count(*) from sla_firing where timer_id like $1 and point = '100'", prefix)).isEqualTo(300);
        assertThat(count("select count(*) from sla_firing where timer_id like $1 and point = '50'", prefix)).isEqualTo(150);
        assertThat(duplicates()).isEqualTo(duplicatesBefore);
    }

    @Test
    void aDeadlinePassedWhileTheSchedulerWasDownFiresOnRestartMarkedLate() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 8) + "-";
        scheduler.stopAll();
        try {
            arming.arm(timers(prefix, 0, 1, t0, "PT10S", List.of(50))).await().atMost(BOUND);
            clock.set(t0.plusSeconds(60));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> count("select count(*) from sla_firing where timer_id like $1", prefix) == 0);
        } finally {
            scheduler.restart().await().atMost(BOUND);
        }
        await().atMost(BOUND).until(() -> count("select count(*) from sla_firing where timer_id like $1", prefix) == 1);
        Row firing = pool.preparedQuery("select point, late, due_at from sla_firing where timer_id like $1")
                .execute(Tuple.of(prefix + "%")).await().atMost(BOUND).iterator().next();
        assertThat(firing.getString("point")).as("the stale 50 %% warning is skipped, the breach fires").isEqualTo("100");
        assertThat(firing.getBoolean("late")).isTrue();
        String payload = pool.preparedQuery("select payload from outbox_event where id = $1")
                .execute(Tuple.of("sla:" + prefix + "0:CLOSE:100")).await().atMost(BOUND).iterator().next().getString(0);
        SlaEvent event = EventCodec.decode(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), SlaEvent.class);
        assertThat(event.late()).isTrue();
        assertThat(event.dueAt()).isEqualTo(t0.plusSeconds(10));
        assertThat(event.firedAt()).isEqualTo(t0.plusSeconds(60));
    }

    private List<TimerEntity> timers(String prefix, int from, int count, Instant start, String duration,
            List<Integer> thresholds) {
        return timers(prefix, from, count, start, duration, thresholds, null, 0);
    }

    private List<TimerEntity> timers(String prefix, int from, int count, Instant start, String duration,
            List<Integer> thresholds, String reminderInterval, int maxReminders) {
        Policy policy = new Policy("BULK", "bulk", 0, null, "default", List.of());
        StageDefinition stage = new StageDefinition(Stage.CLOSE, TimerScope.TICKET, "dispatch.assigned",
                "dispatch.completed", duration, TimeMode.CLOCK, thresholds, reminderInterval, maxReminders);
        List<TimerEntity> timers = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            TimerEntity timer = planner.newTimer(policy, stage,
                    new TimerContext(prefix + "t" + i, null, null, "unit-1", "handler-1", "330502", "330502001", "URGENT"),
                    start, start);
            timer.id = prefix + i;
            timers.add(timer);
        }
        return timers;
    }

    @Test
    void overdueRemindersFollowTheBreachAtTheirIntervalUpToTheLimit() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String prefix = "m" + UUID.randomUUID().toString().substring(0, 8) + "-";
        arming.arm(timers(prefix, 0, 1, t0, "PT10S", List.of(50), "PT10S", 2)).await().atMost(BOUND);
        String[] expected = {"50", "100", "R1", "R2"};
        for (int i = 0; i < expected.length; i++) {
            clock.set(t0.plusSeconds(5L + 5 * Math.max(0, 2 * i - 1)));
            scheduler.wake();
            int fired = i + 1;
            await().atMost(BOUND).until(() -> count("select count(*) from sla_firing where timer_id like $1", prefix) == fired);
        }
        assertThat(count("select count(*) from outbox_event where type = 'sla.overdue-reminder' and id like $1",
                "sla:" + prefix)).isEqualTo(2);
        clock.set(t0.plusSeconds(60));
        scheduler.wake();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> count("select count(*) from sla_firing where timer_id like $1", prefix) == 4);
        assertThat(count("select count(*) from sla_timer where id like $1 and next_due_at is null and reminders_fired = 2",
                prefix)).isEqualTo(1);
    }

    private long count(String sql, String prefix) {
        return pool.preparedQuery(sql).execute(Tuple.of(prefix + "%")).await().atMost(BOUND).iterator().next().getLong(0);
    }

    private double duplicates() {
        var counter = registry.find("sla.firings").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }
}
