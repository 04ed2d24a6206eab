package cn.hotline.sla.bench;

import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;

import cn.hotline.sla.domain.Policy;
import cn.hotline.sla.domain.Stage;
import cn.hotline.sla.domain.StageDefinition;
import cn.hotline.sla.domain.TimeMode;
import cn.hotline.sla.domain.TimerContext;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.domain.TimerScope;
import cn.hotline.sla.schedule.BulkArming;
import cn.hotline.sla.service.TimerPlanner;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Hand-run side-by-side (not part of verify): the same N timers, all due at one instant that has passed when
 * the schedulers start, on the same PostgreSQL — Quartz (JDBC job store, clustered, 10 threads, batch
 * acquisition of 50) versus this service's Redis-scheduled firing. Prints arm rate, drain throughput and the
 * delay distribution of both. Run with
 * {@code ./mvnw -B -pl sla-service verify -Dtest=QuartzBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.quartz.timers=5000}.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class QuartzBench {

    static final ConcurrentLinkedQueue<long[]> FIRED = new ConcurrentLinkedQueue<>();
    static volatile DataSource dataSource;

    @Inject
    DataSource jdbc;
    @Inject
    TimerPlanner planner;
    @Inject
    BulkArming arming;
    @Inject
    Pool pool;
    @Inject
    cn.hotline.sla.schedule.SchedulerLifecycle scheduler;

    @Test
    void quartzVersusRedisSchedule() throws Exception {
        int total = Integer.getInteger("bench.quartz.timers", 5_000);
        dataSource = jdbc;
        createQuartzTables();
        Scheduler quartz = quartz();
        // Both schedulers are stopped while arming; every timer is due at one instant that has passed by the time
        // they start, so the run measures pure drain throughput: fires per second from start to the last firing.
        scheduler.stopAll();
        Instant due = Instant.now().plusSeconds(5);

        long armStart = System.nanoTime();
        Map<JobDetail, Set<? extends Trigger>> jobs = new HashMap<>();
        for (int i = 0; i < total; i++) {
            JobDetail job = JobBuilder.newJob(RecordJob.class).withIdentity("j" + i).build();
            jobs.put(job, Collections.singleton(TriggerBuilder.newTrigger().withIdentity("t" + i)
                    .startAt(java.util.Date.from(due)).build()));
            if (jobs.size() == 1_000) {
                quartz.scheduleJobs(jobs, true);
                jobs.clear();
            }
        }
        quartz.scheduleJobs(jobs, true);
        double quartzArm = (System.nanoTime() - armStart) / 1e9;

        String run = "qb" + UUID.randomUUID().toString().substring(0, 6) + "-";
        long ourArmStart = System.nanoTime();
        for (int from = 0; from < total; from += 5_000) {
            List<TimerEntity> batch = new ArrayList<>();
            for (int i = from; i < Math.min(total, from + 5_000); i++) {
                batch.add(timer(run + i, due.minusSeconds(1)));
            }
            arming.arm(batch).await().atMost(Duration.ofMinutes(5));
        }
        double ourArm = (System.nanoTime() - ourArmStart) / 1e9;
        await().atMost(Duration.ofMinutes(1)).until(() -> Instant.now().isAfter(due));

        long quartzStart = System.currentTimeMillis();
        quartz.start();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> FIRED.size() >= total);
        quartz.shutdown(true);
        List<Long> quartzDelay = FIRED.stream().map(f -> f[1] - quartzStart).sorted().toList();
        double quartzDrain = quartzDelay.get(quartzDelay.size() - 1) / 1000.0;

        Instant ourStart = Instant.now();
        scheduler.restart().await().atMost(Duration.ofMinutes(1));
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> count(run) >= total);
        Row ours = pool.preparedQuery("select percentile_cont(0.5) within group (order by ms) p50,"
                + " percentile_cont(0.99) within group (order by ms) p99, max(ms) mx from (select extract(epoch from"
                + " (fired_at - $2)) * 1000 ms from sla_firing where timer_id like $1) l")
                .execute(Tuple.of(run + "%", java.time.OffsetDateTime.ofInstant(ourStart, java.time.ZoneOffset.UTC)))
                .await().atMost(Duration.ofMinutes(1)).iterator().next();
        double ourDrain = ours.getDouble("mx") / 1000.0;

        System.out.printf("%n=== Quartz (JDBC job store, clustered) vs Redis schedule: %,d timers due at once ===%n", total);
        System.out.printf("arm:   Quartz %,.0f/s   ours %,.0f/s%n", total / quartzArm, total / ourArm);
        System.out.printf("drain: Quartz %.1f s (%,.0f fires/s)   ours %.1f s (%,.0f fires/s)   ratio %.1fx%n",
                quartzDrain, total / quartzDrain, ourDrain, total / ourDrain, quartzDrain / ourDrain);
        System.out.printf("delay after start p50/p99: Quartz %d/%d ms   ours %.0f/%.0f ms%n",
                quartzDelay.get(quartzDelay.size() / 2), quartzDelay.get((int) (quartzDelay.size() * 0.99)),
                ours.getDouble("p50"), ours.getDouble("p99"));
    }

    private Scheduler quartz() throws Exception {
        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.instanceName", "sla-bench");
        props.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        props.setProperty("org.quartz.threadPool.threadCount", "10");
        props.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "50");
        props.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        props.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        props.setProperty("org.quartz.jobStore.isClustered", "true");
        props.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        props.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        props.setProperty("org.quartz.jobStore.dataSource", "qds");
        props.setProperty("org.quartz.jobStore.misfireThreshold", "3600000");
        props.setProperty("org.quartz.dataSource.qds.connectionProvider.class", Provider.class.getName());
        return new StdSchedulerFactory(props).getScheduler();
    }

    private void createQuartzTables() throws Exception {
        String ddl;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = jdbc.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }

    private TimerEntity timer(String id, Instant start) {
        Policy policy = new Policy("BENCH", "bench", 0, null, "default", List.of());
        StageDefinition stage = new StageDefinition(Stage.CLOSE, TimerScope.TICKET, "dispatch.assigned",
                "dispatch.completed", "PT1S", TimeMode.CLOCK, List.of(), null, 0);
        TimerEntity timer = planner.newTimer(policy, stage, new TimerContext(id, null, null, "U", null, null, null,
                "URGENT"), start, start);
        timer.id = id;
        return timer;
    }

    private long count(String run) {
        return pool.preparedQuery("select count(*) from sla_firing where timer_id like $1").execute(Tuple.of(run + "%"))
                .await().atMost(Duration.ofMinutes(1)).iterator().next().getLong(0);
    }

    /** Records scheduled and actual fire time of each Quartz firing. */
    public static class RecordJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            FIRED.add(new long[] {context.getScheduledFireTime().getTime(), System.currentTimeMillis()});
        }
    }

    /** Hands Quartz the service's pooled JDBC data source (Agroal), so both use one PostgreSQL. */
    public static class Provider implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
