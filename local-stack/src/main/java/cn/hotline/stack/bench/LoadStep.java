package cn.hotline.stack.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** The counters of one load step, per second and for its measured window, and what the machine did between the window's edges. */
final class LoadStep {

    final int rate;
    final int warmupSeconds;
    final int windowSeconds;
    final long startNanos = System.nanoTime();
    final long startMs = System.currentTimeMillis();
    final int seconds;
    final AtomicLongArray offered;
    final AtomicLongArray accepted;
    final AtomicLongArray dispatched;
    final Histogram[] assignedBySecond;
    final Histogram http = new ConcurrentHistogram(3);
    final Histogram created = new ConcurrentHistogram(3);
    final Histogram assigned = new ConcurrentHistogram(3);
    final Histogram queued = new ConcurrentHistogram(3);
    final Histogram armed = new ConcurrentHistogram(3);
    final AtomicLong sentInWindow = new AtomicLong();
    final AtomicLong acceptedInWindow = new AtomicLong();
    final AtomicLong dispatchedInWindow = new AtomicLong();
    final AtomicLong assignedCount = new AtomicLong();
    final AtomicLong queuedCount = new AtomicLong();
    final AtomicInteger slaPending = new AtomicInteger();
    final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    final Map<String, List<long[]>> lag = new ConcurrentHashMap<>();
    final AtomicBoolean windowClosed = new AtomicBoolean();
    private final KafkaCounters kafka;
    private final PgCounters pg;
    private volatile WindowEdge opened;
    private volatile WindowEdge closed;

    LoadStep(int rate, int warmupSeconds, int windowSeconds, int drainSeconds, KafkaCounters kafka, PgCounters pg) {
        this.rate = rate;
        this.warmupSeconds = warmupSeconds;
        this.windowSeconds = windowSeconds;
        this.kafka = kafka;
        this.pg = pg;
        this.seconds = warmupSeconds + windowSeconds + drainSeconds + 90;
        this.offered = new AtomicLongArray(seconds);
        this.accepted = new AtomicLongArray(seconds);
        this.dispatched = new AtomicLongArray(seconds);
        this.assignedBySecond = new Histogram[seconds];
        for (int i = 0; i < seconds; i++) {
            assignedBySecond[i] = new ConcurrentHistogram(3);
        }
    }

    int second(long nanos) {
        return (int) Math.max(0, Math.min(seconds - 1, (nanos - startNanos) / 1_000_000_000L));
    }

    long epochMs(long nanos) {
        return startMs + (nanos - startNanos) / 1_000_000;
    }

    long nanosOf(long epochMs) {
        return startNanos + (epochMs - startMs) * 1_000_000;
    }

    boolean inWindow(long epochMs) {
        long from = startMs + warmupSeconds * 1000L;
        return epochMs >= from && epochMs < from + windowSeconds * 1000L;
    }

    Histogram assignedBySecond(int second) {
        return assignedBySecond[Math.min(seconds - 1, second)];
    }

    void openWindow() {
        opened = WindowEdge.take(kafka, pg);
        sampleLag();
    }

    void closeWindow() {
        sampleLag();
        closed = WindowEdge.take(kafka, pg);
        windowClosed.set(true);
    }

    void sampleLag() {
        try {
            long t = System.nanoTime();
            kafka.lagByGroup().forEach((group, behind) ->
                    lag.computeIfAbsent(group, g -> Collections.synchronizedList(new ArrayList<>())).add(new long[] {t, behind}));
        } catch (Exception e) {
            System.err.println("lag sample failed: " + e.getMessage());
        }
    }

    /** The step's result; a measured ticket still undispatched at {@code drainEndMs} is a miss, timed to then. */
    StepResult finish(long drainEndMs, Collection<TrackedTicket> tickets) {
        long misses = 0;
        for (TrackedTicket t : tickets) {
            if (t.undispatched()) {
                misses++;
                long latencyUs = Math.max(0, drainEndMs - t.intendedMs) * 1_000;
                assigned.recordValue(latencyUs);
                assignedBySecond(t.second).recordValue(latencyUs);
            }
        }
        WindowEdge from = opened;
        WindowEdge to = closed;
        Map<String, Double> cpu = from == null || to == null ? Map.of() : to.cpu().since(from.cpu());
        Map<String, Double> jit = from == null || to == null ? Map.of() : to.cpu().jitSince(from.cpu());
        Map<String, Double> gc = from == null || to == null ? Map.of() : to.cpu().gcSince(from.cpu());
        PgCounters.Totals db = from == null || to == null ? new PgCounters.Totals(0, 0, -1) : to.db().minus(from.db());
        long records = from == null || to == null ? 0 : KafkaCounters.written(from.offsets(), to.offsets());
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((k, v) -> failed.put(k, v.get()));
        int used = Math.min(seconds, second(System.nanoTime()) + 1);
        long[] offeredSeries = new long[used];
        long[] acceptedSeries = new long[used];
        long[] dispatchedSeries = new long[used];
        double[] p99Series = new double[used];
        for (int i = 0; i < used; i++) {
            offeredSeries[i] = offered.get(i);
            acceptedSeries[i] = accepted.get(i);
            dispatchedSeries[i] = dispatched.get(i);
            p99Series[i] = assignedBySecond[i].getTotalCount() == 0 ? Double.NaN
                    : assignedBySecond[i].getValueAtPercentile(99) / 1000.0;
        }
        Map<String, List<long[]>> lagCopy = new TreeMap<>();
        lag.forEach((g, samples) -> {
            synchronized (samples) {
                lagCopy.put(g, List.copyOf(samples));
            }
        });
        return new StepResult(rate, warmupSeconds, windowSeconds, sentInWindow.get(), acceptedInWindow.get(), failed,
                dispatchedInWindow.get(), assignedCount.get(), queuedCount.get(), misses, http, created, assigned,
                queued, armed, lagCopy, cpu, jit, gc, db, records, offeredSeries, acceptedSeries, dispatchedSeries, p99Series);
    }
}
