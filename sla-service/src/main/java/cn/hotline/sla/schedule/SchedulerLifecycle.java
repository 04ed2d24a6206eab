package cn.hotline.sla.schedule;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.hotline.sla.config.SlaConfig;
import cn.hotline.sla.repository.TimerBatchRepository;
import cn.hotline.support.problem.Swallowed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Starts this instance's firing loop after the schedule is rebuilt from PostgreSQL (so a deadline passed
 * while the service was down fires at once, marked late), sweeps for lost claims and keeps the
 * active-timer gauge current.
 */
@ApplicationScoped
public class SchedulerLifecycle {

    private static final Logger LOG = Logger.getLogger(SchedulerLifecycle.class);
    /** After the seed loader (which observes at the default priority). */
    static final int AFTER_SEED = jakarta.interceptor.Interceptor.Priority.APPLICATION + 600;

    private final Vertx vertx;
    private final RedisSchedule schedule;
    private final TimerFiring firing;
    private final ScheduleRebuilder rebuilder;
    private final TimerBatchRepository store;
    private final Clock clock;
    private final SlaConfig config;
    private final AtomicLong active = new AtomicLong();
    private final List<ScheduleLoop> loops = new CopyOnWriteArrayList<>();

    public SchedulerLifecycle(Vertx vertx, RedisSchedule schedule, TimerFiring firing, ScheduleRebuilder rebuilder,
            TimerBatchRepository store, Clock clock, SlaConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.schedule = schedule;
        this.firing = firing;
        this.rebuilder = rebuilder;
        this.store = store;
        this.clock = clock;
        this.config = config;
        Gauge.builder("sla.timers.active", active, AtomicLong::get).description("running and paused stage timers")
                .register(registry);
    }

    void start(@Observes @Priority(AFTER_SEED) StartupEvent event) {
        if (!config.schedule().enabled()) {
            return;
        }
        createLoops();
        rebuilder.rebuild().onFailure().invoke(f -> LOG.warnf("schedule rebuild at start failed (%s); the loop retries", f))
                .onTermination().invoke(() -> loops.forEach(ScheduleLoop::start))
                .subscribe().with(ok -> { }, failure -> { }); // logged by the invoke above; the loops retry
    }

    void stop(@Observes ShutdownEvent event) {
        stopAll();
    }

    private void createLoops() {
        String instance = "sla-" + UUID.randomUUID().toString().substring(0, 8);
        loops.clear();
        for (int i = 0; i < Math.max(1, config.schedule().loops()); i++) {
            loops.add(newLoop(instance + "-" + i));
        }
    }

    /** Stops this instance's loops (a scheduler outage, for tests). */
    public void stopAll() {
        loops.forEach(ScheduleLoop::stop);
    }

    /** Makes this instance's loops look at the schedule now. */
    public void wake() {
        loops.forEach(ScheduleLoop::wake);
    }

    private boolean running() {
        return loops.stream().anyMatch(ScheduleLoop::running);
    }

    /** A firing loop sharing this instance's Redis and database (tests and benchmarks run a second one). */
    public ScheduleLoop newLoop(String instance) {
        return new ScheduleLoop(instance, vertx, schedule, firing, rebuilder, clock, config.schedule());
    }

    /** Stops and starts this instance's loops as a restarted service would: rebuild first, then fire. */
    public Uni<Long> restart() {
        stopAll();
        createLoops();
        return rebuilder.rebuild().invoke(count -> loops.forEach(ScheduleLoop::start));
    }

    @Scheduled(every = "${hotline.sla.schedule.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (!running()) {
            return Uni.createFrom().voidItem();
        }
        return rebuilder.sweep(config.schedule().sweepGrace())
                .invoke(count -> {
                    if (count > 0) {
                        LOG.debugf("sweep re-armed %d overdue timers", count);
                        wake();
                    }
                })
                .onFailure().invoke(e -> Swallowed.warn(LOG, "sla.schedule.sweep", e))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> countActive() {
        return store.activeCount().invoke(active::set)
                .onFailure().invoke(e -> Swallowed.quietly(LOG, "sla.schedule.active-count", e))
                .onFailure().recoverWithItem(0L).replaceWithVoid();
    }
}
