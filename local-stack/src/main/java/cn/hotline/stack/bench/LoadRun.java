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
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Drives POST /api/v1/tickets at a fixed rate and times each ticket's way through the suite: the HTTP answer,
 * {@code ticket.created} and {@code dispatch.assigned} on Kafka (record timestamps), and, for a sample, the
 * SLA timers being visible on sla-service.
 */
final class LoadRun {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    final Histogram http = new ConcurrentHistogram(3);
    final Histogram created = new ConcurrentHistogram(3);
    final Histogram assigned = new ConcurrentHistogram(3);
    final Histogram armed = new ConcurrentHistogram(3);
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong assignedCount = new AtomicLong();

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> createdAt = new ConcurrentHashMap<>();
    private final Map<String, Long> assignedAt = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final TicketFactory tickets;
    private final String intake;
    private final String sla;
    private final String operatorToken;
    private final String dispatcherToken;
    private final String bootstrap;
    private final int slaSampleEvery;

    LoadRun(TicketFactory tickets, String intake, String sla, String operatorToken, String dispatcherToken,
            String bootstrap, int slaSampleEvery) {
        this.tickets = tickets;
        this.intake = intake;
        this.sla = sla;
        this.operatorToken = operatorToken;
        this.dispatcherToken = dispatcherToken;
        this.bootstrap = bootstrap;
        this.slaSampleEvery = slaSampleEvery;
    }

    /** Offers {@code rate} tickets/s for {@code seconds}, then waits up to {@code drainSeconds} for stragglers. */
    void run(int rate, int seconds, int drainSeconds) throws Exception {
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread tickets = consumer("hotline.tickets", "ticket.created", createdAt, created, consuming);
        Thread dispatches = consumer("hotline.dispatches", "dispatch.assigned", assignedAt, assigned, consuming);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
            while (sent.get() < due) {
                sent.incrementAndGet();
                post();
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        while (sent.get() < total) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        pacer.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (System.nanoTime() < deadline && assignedCount.get() < accepted.get()) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        consuming.set(false);
        tickets.join();
        dispatches.join();
    }

    private void post() {
        long begin = System.currentTimeMillis();
        long beginNanos = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(intake + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(tickets.next(), StandardCharsets.UTF_8)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            http.recordValue(Math.max(0, (System.nanoTime() - beginNanos) / 1_000));
            if (error != null || response.statusCode() != 201) {
                failed.incrementAndGet();
                return;
            }
            accepted.incrementAndGet();
            Matcher id = ID.matcher(response.body());
            if (id.find()) {
                String ticketId = id.group(1);
                sentAt.put(ticketId, begin);
                match(ticketId, createdAt, created);
                if (match(ticketId, assignedAt, assigned)) {
                    assignedCount.incrementAndGet();
                }
                if (accepted.get() % slaSampleEvery == 0) {
                    pollSla(ticketId, begin);
                }
            }
        });
    }

    private boolean match(String ticketId, Map<String, Long> seenAt, Histogram histogram) {
        Long seen = seenAt.remove(ticketId);
        if (seen != null) {
            histogram.recordValue(Math.max(0, seen - sentAt.get(ticketId)) * 1_000);
            return true;
        }
        return false;
    }

    private void pollSla(String ticketId, long begin) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sla + "/api/v1/tickets/" + ticketId + "/sla"))
                .header("Authorization", "Bearer " + dispatcherToken).timeout(Duration.ofSeconds(5)).GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            boolean armedNow = error == null && response.statusCode() == 200 && response.body().contains("\"stage\"");
            if (armedNow) {
                armed.recordValue(Math.max(0, System.currentTimeMillis() - begin) * 1_000);
            } else if (System.currentTimeMillis() - begin < 30_000) {
                CompletableDelay.after(50, () -> pollSla(ticketId, begin));
            }
        });
    }

    private Thread consumer(String topic, String type, Map<String, Long> seenAt, Histogram histogram, AtomicBoolean on) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (on.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        Header header = record.headers().lastHeader("ce_type");
                        if (header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8))
                                && record.key() != null) {
                            if (sentAt.containsKey(record.key())) {
                                histogram.recordValue(Math.max(0, record.timestamp() - sentAt.get(record.key())) * 1_000);
                                if (histogram == assigned) {
                                    assignedCount.incrementAndGet();
                                }
                            } else {
                                seenAt.put(record.key(), record.timestamp());
                            }
                        }
                    }
                }
            }
        }, "bench-" + topic);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A tiny delayed re-run without blocking the HTTP client's threads. */
    private static final class CompletableDelay {
        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-delay");
            t.setDaemon(true);
            return t;
        });

        static void after(long millis, Runnable task) {
            TIMER.schedule(task, millis, TimeUnit.MILLISECONDS);
        }
    }
}
