package cn.hotline.sla.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import cn.hotline.sla.config.SlaConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * One instance's firing loop: claims due timers from Redis, fires them, re-arms them, then sleeps on a
 * Vert.x timer until the earliest due instant (never longer than {@code maxSleep}, so timers armed by other
 * instances and a vanished schedule are noticed). Several loops may share one Redis: the claim is atomic.
 */
public final class ScheduleLoop {

    private static final Logger LOG = Logger.getLogger(ScheduleLoop.class);

    private final String instance;
    private final Vertx vertx;
    private final RedisSchedule schedule;
    private final TimerFiring firing;
    private final ScheduleRebuilder rebuilder;
    private final Clock clock;
    private final SlaConfig.Schedule config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong timerId = new AtomicLong(-1);
    private volatile Instant lastMarkerCheck = Instant.EPOCH;

    public ScheduleLoop(String instance, Vertx vertx, RedisSchedule schedule, TimerFiring firing,
            ScheduleRebuilder rebuilder, Clock clock, SlaConfig.Schedule config) {
        this.instance = instance;
        this.vertx = vertx;
        this.schedule = schedule;
        this.firing = firing;
        this.rebuilder = rebuilder;
        this.clock = clock;
        this.config = config;
    }

    public String instance() {
        return instance;
    }

    public void start() {
        if (running.compareAndSet(false, true)) {
            wake();
        }
    }

    public void stop() {
        running.set(false);
        long id = timerId.getAndSet(-1);
        if (id >= 0) {
            vertx.cancelTimer(id);
        }
    }

    public boolean running() {
        return running.get();
    }

    /** Looks at the schedule now (e.g. after arming a timer due sooner than the current sleep). */
    public void wake() {
        arm(0);
    }

    private void arm(long delayMillis) {
        if (!running.get()) {
            return;
        }
        long id = vertx.setTimer(Math.max(1, delayMillis), fired -> {
            timerId.compareAndSet(fired, -1);
            tick();
        });
        long previous = timerId.getAndSet(id);
        if (previous >= 0) {
            vertx.cancelTimer(previous);
        }
    }

    private void tick() {
        if (!running.get()) {
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        checkMarker().flatMap(ignored -> claimAndFire()).subscribe().with(this::done, failure -> {
            LOG.warnf("SLA schedule loop %s: %s; retrying", instance, failure.toString());
            done(config.maxSleep().toMillis());
        });
    }

    private void done(long nextDelay) {
        busy.set(false);
        arm(again.getAndSet(false) ? 0 : nextDelay);
    }

    private Uni<Boolean> checkMarker() {
        Instant now = Instant.now();
        if (Duration.between(lastMarkerCheck, now).compareTo(config.markerCheckInterval()) < 0) {
            return Uni.createFrom().item(false);
        }
        lastMarkerCheck = now;
        return rebuilder.rebuildIfMissing();
    }

    /** Claims and fires one batch; the delay until the next look (0 = more may be due right now). */
    private Uni<Long> claimAndFire() {
        Instant now = clock.instant();
        return schedule.claim(now, config.claimBatch()).flatMap(claimed -> {
            if (claimed.isEmpty()) {
                return schedule.earliest().map(earliest -> delayUntil(earliest));
            }
            return firing.fire(claimed, instance)
                    // Put the claim back so a database hiccup delays the firing instead of losing it.
                    .onFailure().call(failure -> schedule.addAll(claimed.stream()
                            .collect(java.util.stream.Collectors.toMap(id -> id, id -> now, (a, b) -> a))))
                    .flatMap(schedule::addAll).replaceWith(0L);
        });
    }

    private long delayUntil(Instant earliest) {
        long max = config.maxSleep().toMillis();
        if (earliest == null) {
            return max;
        }
        return Math.max(0, Math.min(max, Duration.between(clock.instant(), earliest).toMillis()));
    }
}
