package cn.hotline.stack.bench;

import java.util.HashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The load benchmark (deploy/local/bench.sh): the machine's reference limits, then tickets at a target rate
 * through the running suite; prints throughput, per-step latency percentiles and the ratios.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("duration", "60"));
        String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:9092");
        String jdbc = options.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/hotline_intake");

        System.out.printf("reference: raw Kafka produce (1 KiB, acks=all, idempotent) for 10 s ...%n");
        double kafka = ReferenceLimits.kafkaProduceRate(bootstrap, 10);
        System.out.printf("reference: raw PostgreSQL single-row insert transactions (16 connections) for 10 s ...%n");
        double postgres = ReferenceLimits.postgresInsertRate(jdbc, 16, 10);

        LoadRun run = new LoadRun(new TicketFactory(20261121L), options.getOrDefault("intake", "http://127.0.0.1:8081"),
                options.getOrDefault("sla", "http://127.0.0.1:8083"), options.get("operator-token"),
                options.get("dispatcher-token"), bootstrap, Integer.parseInt(options.getOrDefault("sla-sample", "50")));
        System.out.printf("load: %d tickets/s offered for %d s ...%n", rate, seconds);
        long start = System.nanoTime();
        run.run(rate, seconds, Integer.parseInt(options.getOrDefault("drain", "30")));
        double elapsed = (System.nanoTime() - start) / 1e9;

        double acceptedRate = run.accepted.get() / (double) seconds;
        System.out.println();
        System.out.printf("offered %d tickets in %d s; accepted (201) %d, failed %d, assigned %d (within the drain)%n",
                run.sent.get(), seconds, run.accepted.get(), run.failed.get(), run.assignedCount.get());
        System.out.printf("sustained intake: %.0f tickets/s; wall time incl. drain %.1f s%n", acceptedRate, elapsed);
        System.out.println();
        System.out.printf("%-34s %8s %8s %8s %8s %8s%n", "step (ms from the HTTP request)", "count", "p50", "p95", "p99", "max");
        row("HTTP 201 answered", run.http);
        row("ticket.created on Kafka", run.created);
        row("dispatch.assigned on Kafka", run.assigned);
        row("SLA timers visible (sampled)", run.armed);
        System.out.println();
        System.out.printf("reference limits: Kafka %.0f records/s, PostgreSQL %.0f insert tx/s%n", kafka, postgres);
        System.out.printf("ratios: intake throughput / Kafka = %.3f, / PostgreSQL = %.3f%n", acceptedRate / kafka,
                acceptedRate / postgres);
        System.exit(0);
    }

    private static void row(String name, Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            System.out.printf("%-34s %8d %8s %8s %8s %8s%n", name, 0, "-", "-", "-", "-");
            return;
        }
        System.out.printf("%-34s %8d %8.1f %8.1f %8.1f %8.1f%n", name, histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
