package cn.hotline.stack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.TopicPartition;

import cn.hotline.events.EventTypes;

/**
 * One load step: tickets offered at a fixed rate by one pacer, each timed from the moment it was <em>meant</em> to be
 * sent (a stalled suite cannot hide its delay by slowing the generator), with at most {@code --in-flight} requests
 * open; a warm-up, a measured window, then a drain after which an undispatched ticket is a miss.
 */
final class LoadRun implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final TicketFactory factory;
    private final BenchOptions options;
    private final KafkaCounters kafka;
    private final PgCounters pg;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4, daemon("bench-http"));
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("bench-sampler"));
    private final ScheduledExecutorService slaPolls = Executors.newSingleThreadScheduledExecutor(daemon("bench-sla"));
    private final HttpClient client;
    private final EventWatch watch;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final Map<String, Early> early = new ConcurrentHashMap<>();
    private volatile Step step;

    LoadRun(TicketFactory factory, BenchOptions options, KafkaCounters kafka, PgCounters pg) {
        this.factory = factory;
        this.options = options;
        this.kafka = kafka;
        this.pg = pg;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(callbacks).build();
        this.watch = new EventWatch(options.bootstrap(), this::seen);
    }

    /** Offers {@code rate}/s for warm-up + window seconds, then drains; returns what the window measured. */
    StepResult run(int rate, int warmupSeconds, int windowSeconds, int drainSeconds) throws Exception {
        tracked.clear();
        early.clear();
        Step s = new Step(rate, warmupSeconds, windowSeconds, drainSeconds);
        step = s;
        Semaphore inFlight = new Semaphore(options.inFlight());
        long total = (long) rate * (warmupSeconds + windowSeconds);
        long windowFirst = (long) rate * warmupSeconds;
        long windowEnd = total;
        sampler.schedule(s::openWindow, warmupSeconds * 1000L, TimeUnit.MILLISECONDS);
        var lagSamples = sampler.scheduleAtFixedRate(s::sampleLag, warmupSeconds * 1000L + 1000, 1000, TimeUnit.MILLISECONDS);
        sampler.schedule(s::closeWindow, (warmupSeconds + windowSeconds) * 1000L, TimeUnit.MILLISECONDS);
        for (long i = 0; i < total; i++) {
            long intendedNanos = s.startNanos + i * 1_000_000_000L / rate;
            long wait = intendedNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            s.offered.incrementAndGet(s.second(System.nanoTime()));
            post(s, i >= windowFirst && i < windowEnd, intendedNanos, inFlight);
        }
        long lastSent = System.nanoTime();
        while (!s.windowClosed.get() && System.nanoTime() - lastSent < TimeUnit.SECONDS.toNanos(60)) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        lagSamples.cancel(false);
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (System.nanoTime() < drainUntil && (inFlight.availablePermits() < options.inFlight() || s.undispatched() > 0
                || s.slaPending.get() > 0)) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return s.finish(System.currentTimeMillis());
    }

    private void post(Step s, boolean measured, long intendedNanos, Semaphore inFlight) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.intake() + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + options.operatorToken())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(factory.next(), StandardCharsets.UTF_8)).build();
        if (measured) {
            s.sentInWindow.incrementAndGet();
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            inFlight.release();
            long now = System.nanoTime();
            if (error != null || response.statusCode() != 201) {
                String why = error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode();
                if (measured) {
                    s.failures.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
                }
                return;
            }
            s.accepted.incrementAndGet(s.second(now));
            Matcher id = ID.matcher(response.body());
            if (!id.find()) {
                return;
            }
            Tracked t = new Tracked(s.epochMs(intendedNanos), s.second(intendedNanos), measured);
            if (measured) {
                s.http.recordValue(Math.max(0, (now - intendedNanos) / 1_000));
                s.acceptedInWindow.incrementAndGet();
            }
            tracked.put(id.group(1), t);
            Early before = early.remove(id.group(1));
            if (before != null) {
                before.replay(this, id.group(1));
            }
            if (measured && s.acceptedInWindow.get() % options.slaSampleEvery() == 0 && options.dispatcherToken() != null) {
                s.slaPending.incrementAndGet();
                pollSla(s, id.group(1), t.intendedMs);
            }
        });
    }

    private void seen(String type, String ticketId, long timestampMs) {
        Tracked t = tracked.get(ticketId);
        if (t != null) {
            apply(t, type, timestampMs);
            return;
        }
        // The event can overtake the HTTP answer: it waits beside the ticket id until the answer names the ticket.
        // compute() is atomic against the answer's remove(), so whoever removes the entry replays all it holds.
        early.compute(ticketId, (k, held) -> {
            Early e = held == null ? new Early() : held;
            e.note(type, timestampMs);
            return e;
        });
        if (tracked.get(ticketId) != null) {
            Early mine = early.remove(ticketId);
            if (mine != null) {
                mine.replay(this, ticketId);
            }
        }
    }

    private void apply(Tracked t, String type, long timestampMs) {
        Step s = step;
        if (EventTypes.TICKET_CREATED.equals(type)) {
            if (t.createdMs.compareAndSet(-1, timestampMs) && t.measured) {
                s.created.recordValue(Math.max(0, timestampMs - t.intendedMs) * 1_000);
            }
            return;
        }
        boolean queued = EventTypes.DISPATCH_QUEUED.equals(type);
        if (!t.dispatchedMs.compareAndSet(-1, timestampMs)) {
            return;
        }
        s.dispatched.incrementAndGet(s.second(s.nanosOf(timestampMs)));
        if (s.inWindow(timestampMs)) {
            s.dispatchedInWindow.incrementAndGet();
        }
        if (!t.measured) {
            return;
        }
        long latencyUs = Math.max(0, timestampMs - t.intendedMs) * 1_000;
        if (queued) {
            s.queuedCount.incrementAndGet();
            s.queued.recordValue(latencyUs);
        } else {
            s.assignedCount.incrementAndGet();
            s.assigned.recordValue(latencyUs);
            s.assignedBySecond(t.second).recordValue(latencyUs);
        }
    }

    private void pollSla(Step s, String ticketId, long intendedMs) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.sla() + "/api/v1/tickets/" + ticketId + "/sla"))
                .header("Authorization", "Bearer " + options.dispatcherToken()).timeout(Duration.ofSeconds(5)).GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200 && response.body().contains("\"stage\"")) {
                s.armed.recordValue(Math.max(0, System.currentTimeMillis() - intendedMs) * 1_000);
                s.slaPending.decrementAndGet();
            } else if (System.currentTimeMillis() - intendedMs < 60_000 && step == s) {
                slaPolls.schedule(() -> pollSla(s, ticketId, intendedMs), 100, TimeUnit.MILLISECONDS);
            } else {
                s.slaPending.decrementAndGet();
            }
        });
    }

    @Override
    public void close() throws Exception {
        watch.close();
        sampler.shutdownNow();
        slaPolls.shutdownNow();
        callbacks.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One ticket the generator made, from the moment it was meant to be sent. */
    private static final class Tracked {
        final long intendedMs;
        final int second;
        final boolean measured;
        final AtomicLong createdMs = new AtomicLong(-1);
        final AtomicLong dispatchedMs = new AtomicLong(-1);

        Tracked(long intendedMs, int second, boolean measured) {
            this.intendedMs = intendedMs;
            this.second = second;
            this.measured = measured;
        }
    }

    /** Events that arrived before the HTTP answer named their ticket. */
    private static final class Early {
        private final List<Object[]> events = new ArrayList<>();

        synchronized void note(String type, long timestampMs) {
            events.add(new Object[] {type, timestampMs});
        }

        synchronized void replay(LoadRun run, String ticketId) {
            Tracked t = run.tracked.get(ticketId);
            for (Object[] e : events) {
                run.apply(t, (String) e[0], (Long) e[1]);
            }
        }
    }

    /** The counters of one step, and what it measured at its window's edges. */
    private final class Step {
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
        final java.util.concurrent.atomic.AtomicBoolean windowClosed = new java.util.concurrent.atomic.AtomicBoolean();
        volatile Edge opened;
        volatile Edge closed;

        Step(int rate, int warmupSeconds, int windowSeconds, int drainSeconds) {
            this.rate = rate;
            this.warmupSeconds = warmupSeconds;
            this.windowSeconds = windowSeconds;
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

        long undispatched() {
            return tracked.values().stream().filter(t -> t.measured && t.dispatchedMs.get() < 0).count();
        }

        void openWindow() {
            opened = edge();
            sampleLag();
        }

        void closeWindow() {
            sampleLag();
            closed = edge();
            windowClosed.set(true);
        }

        void sampleLag() {
            try {
                long t = System.nanoTime();
                kafka.lagByGroup().forEach((group, behind) ->
                        lag.computeIfAbsent(group, g -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(new long[] {t, behind}));
            } catch (Exception e) {
                System.err.println("lag sample failed: " + e.getMessage());
            }
        }

        private Edge edge() {
            Map<TopicPartition, Long> offsets;
            try {
                offsets = kafka.endOffsets();
            } catch (Exception e) {
                offsets = Map.of();
            }
            return new Edge(ProcessCpu.take(), pg.take(), offsets);
        }

        StepResult finish(long drainEndMs) {
            long misses = 0;
            for (Tracked t : tracked.values()) {
                if (t.measured && t.dispatchedMs.get() < 0) {
                    misses++;
                    long latencyUs = Math.max(0, drainEndMs - t.intendedMs) * 1_000;
                    assigned.recordValue(latencyUs);
                    assignedBySecond(t.second).recordValue(latencyUs);
                }
            }
            Edge from = opened;
            Edge to = closed;
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

    /** What the machine had done by one edge of the window. */
    private record Edge(ProcessCpu.Snapshot cpu, PgCounters.Totals db, Map<TopicPartition, Long> offsets) {
    }
}
