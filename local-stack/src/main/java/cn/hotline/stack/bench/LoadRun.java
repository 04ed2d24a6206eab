package cn.hotline.stack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One load step: tickets offered at a fixed rate by one pacer, each timed from the moment it was <em>meant</em> to be
 * sent (a stalled suite cannot hide its delay by slowing the generator), with at most {@code --in-flight} requests
 * open; a warm-up, a measured window, then a drain after which an undispatched ticket is a miss. The step's counters
 * are a {@link LoadStep}; the events that time each ticket are matched by {@link TicketTimings}.
 */
final class LoadRun implements AutoCloseable {

    private final TicketFactory factory;
    private final BenchOptions options;
    private final KafkaCounters kafka;
    private final PgCounters pg;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4, daemon("bench-http"));
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("bench-sampler"));
    private final ScheduledExecutorService slaPolls = Executors.newSingleThreadScheduledExecutor(daemon("bench-sla"));
    private final HttpClient client;
    private final TicketTimings timings = new TicketTimings();
    private final EventWatch watch;

    LoadRun(TicketFactory factory, BenchOptions options, KafkaCounters kafka, PgCounters pg) {
        this.factory = factory;
        this.options = options;
        this.kafka = kafka;
        this.pg = pg;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(callbacks).build();
        this.watch = new EventWatch(options.bootstrap(), timings::seen);
    }

    /** Offers {@code rate}/s for warm-up + window seconds, then drains; returns what the window measured. */
    StepResult run(int rate, int warmupSeconds, int windowSeconds, int drainSeconds) throws Exception {
        LoadStep s = new LoadStep(rate, warmupSeconds, windowSeconds, drainSeconds, kafka, pg);
        timings.begin(s);
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
        while (System.nanoTime() < drainUntil && (inFlight.availablePermits() < options.inFlight() || timings.undispatched() > 0
                || s.slaPending.get() > 0)) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return s.finish(System.currentTimeMillis(), timings.tickets());
    }

    private void post(LoadStep s, boolean measured, long intendedNanos, Semaphore inFlight) {
        HttpRequest request = TicketPosts.create(options.intake(), options.operatorToken(), UUID.randomUUID().toString(),
                factory.next());
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
            Optional<String> id = TicketPosts.ticketId(response.body());
            if (id.isEmpty()) {
                return;
            }
            TrackedTicket t = new TrackedTicket(s.epochMs(intendedNanos), s.second(intendedNanos), measured);
            if (measured) {
                s.http.recordValue(Math.max(0, (now - intendedNanos) / 1_000));
                s.acceptedInWindow.incrementAndGet();
            }
            timings.accepted(id.get(), t);
            if (measured && s.acceptedInWindow.get() % options.slaSampleEvery() == 0 && options.dispatcherToken() != null) {
                s.slaPending.incrementAndGet();
                pollSla(s, id.get(), t.intendedMs);
            }
        });
    }

    /** Asks sla for the ticket's timers until they are armed (the step's armed latency), for at most a minute. */
    private void pollSla(LoadStep s, String ticketId, long intendedMs) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.sla() + "/api/v1/tickets/" + ticketId + "/sla"))
                .header("Authorization", "Bearer " + options.dispatcherToken()).timeout(Duration.ofSeconds(5)).GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200 && response.body().contains("\"stage\"")) {
                s.armed.recordValue(Math.max(0, System.currentTimeMillis() - intendedMs) * 1_000);
                s.slaPending.decrementAndGet();
            } else if (System.currentTimeMillis() - intendedMs < 60_000 && timings.current() == s) {
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

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
