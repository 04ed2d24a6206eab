package cn.hotline.stack.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chaos run's operators: offers tickets at a rate with an Idempotency-Key each and, like a console whose
 * request timed out or hit a restarting service, retries the same key until it gets a 201; writes every
 * accepted ticket id (one line per key) for the checks.
 */
final class ChaosLoad {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final TicketFactory tickets;
    private final List<String> intakes;
    private final String token;
    private final String run;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    ChaosLoad(TicketFactory tickets, List<String> intakes, String token, String run, int maxInFlight) {
        this.tickets = tickets;
        this.intakes = intakes;
        this.token = token;
        this.run = run;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Offers {@code total} tickets at {@code rate}/s; returns once every one is accepted or {@code giveUp} passed. */
    boolean run(int total, int rate, Duration giveUp, Path acceptedFile) throws Exception {
        long start = System.nanoTime();
        long deadline = start + giveUp.toNanos();
        long lastReport = start;
        for (int i = 0; i < total; i++) {
            long due = start + (long) i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            String key = run + "-" + i;
            post(key, tickets.next(), i);
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                lastReport = System.nanoTime();
                report(start, i + 1);
            }
        }
        while (accepted.size() + rejected.get() < total && System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(1);
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                lastReport = System.nanoTime();
                report(start, total);
            }
        }
        report(start, total);
        StringBuilder lines = new StringBuilder();
        accepted.forEach((key, id) -> lines.append(key).append(' ').append(id).append('\n'));
        Files.writeString(acceptedFile, lines.toString());
        timer.shutdownNow();
        return accepted.size() == total;
    }

    private void report(long start, int offered) {
        System.out.printf("  load t+%3ds: offered %d, accepted %d, retried %d, rejected %d, in flight %d, failures %s%n",
                (System.nanoTime() - start) / 1_000_000_000L, offered, accepted.size(), retries.get(), rejected.get(),
                inFlightCount(), failures);
    }

    private int inFlightCount() {
        return maxInFlight - inFlight.availablePermits();
    }

    private void post(String key, String body, int n) {
        attempts.incrementAndGet();
        String intake = intakes.get((int) ((n + attempts.get()) % intakes.size()));
        HttpRequest request = TicketPosts.create(intake, token, key, body);
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 201) {
                accepted.put(key, TicketPosts.ticketId(response.body()).orElse("?"));
                inFlight.release();
            } else if (error == null && response.statusCode() >= 400 && response.statusCode() < 500
                    && response.statusCode() != 408 && response.statusCode() != 429) {
                rejected.incrementAndGet();
                failures.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                System.out.printf("  rejected %s: %d %s%n", key, response.statusCode(), response.body());
                inFlight.release();
            } else {
                String reason = error != null ? rootName(error) : "HTTP " + response.statusCode();
                failures.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
                retries.incrementAndGet();
                // Same key, same body: the server answers the stored response if the first attempt got through.
                timer.schedule(() -> post(key, body, n + 1), 1, TimeUnit.SECONDS);
            }
        });
    }

    private static String rootName(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
