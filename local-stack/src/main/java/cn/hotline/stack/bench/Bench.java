package cn.hotline.stack.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The load benchmark (deploy/local/bench.sh): the machine's raw Kafka and PostgreSQL limits, then tickets through the
 * running suite at a fixed rate or in rising steps ({@code --find-max}); per step the latency from the intended send
 * time, misses, consumer lag, CPU per ticket per process and commits/records per ticket; a chart and a JSON line last.
 */
public final class Bench {

    private static final int MAX_STEPS = 14;
    /** The whole stack idles at about 0.3 cores on this machine; above 0.5 it is still working something off. */
    private static final double QUIET_MS_PER_S = 500;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        try (KafkaCounters kafka = new KafkaCounters(options.bootstrap())) {
            PgCounters pg = new PgCounters(options.jdbc(), options.dbPrefix());
            double kafkaRef = Double.NaN;
            double pgRef = Double.NaN;
            if (options.reference()) {
                System.out.printf("reference: raw Kafka produce (1 KiB, acks=all, idempotent) to a scratch topic for 10 s ...%n");
                kafkaRef = ReferenceLimits.kafkaProduceRate(options.bootstrap(), 10);
                System.out.printf("reference: raw PostgreSQL single-row insert transactions (16 connections) for 10 s ...%n");
                pgRef = ReferenceLimits.postgresInsertRate(options.jdbc(), 16, 10);
                System.out.printf("reference limits: Kafka %.0f records/s, PostgreSQL %.0f insert tx/s%n", kafkaRef, pgRef);
            }
            settle(kafka);
            Map<String, Double> idle = idlePerSecond();
            List<StepResult> steps = new ArrayList<>();
            StepResult reported;
            try (LoadRun run = new LoadRun(new TicketFactory(20261121L), options, kafka, pg)) {
                reported = options.findMax() ? findMax(run, kafka, options, steps, idle) : single(run, options, steps, idle);
            }
            if (options.chart() != null) {
                try {
                    BenchChart.write(options.chart(), steps, options.p99BoundMs());
                    System.out.println("chart: " + options.chart());
                } catch (Throwable e) {
                    System.err.println("chart not drawn: " + e);
                }
            }
            summary.put("offered", reported.rate());
            summary.put("sustained", round(reported.sustained()));
            summary.put("p99AssignedMs", round(reported.p99AssignedMs()));
            summary.put("lagFlat", reported.lagFlat());
            summary.put("cpuMsPerTicket", round(reported.cpuMsPerTicket()));
            summary.put("cpuMsPerTicketNet", round(reported.netCpuMsPerTicket(idle)));
            summary.put("jitMsPerTicket", round(reported.per(reported.jitMs().values().stream().mapToDouble(Double::doubleValue).sum())));
            summary.put("gcMsPerTicket", round(reported.per(reported.gcMs().values().stream().mapToDouble(Double::doubleValue).sum())));
            summary.put("holds", reported.holds(options.p99BoundMs()));
            summary.put("misses", reported.misses());
            summary.put("manual", reported.queuedCount());
            summary.put("refused", reported.failedCount());
            summary.put("pgCommitsPerTicket", round(reported.per(reported.db().commits())));
            summary.put("kafkaRecordsPerTicket", round(reported.per(reported.kafkaRecords())));
            Map<String, Object> cpu = new TreeMap<>();
            reported.cpuMs().forEach((group, ms) -> cpu.put(group, round(reported.accepted() == 0 ? Double.NaN : ms / reported.accepted())));
            summary.put("cpuMsPerTicketByProcess", cpu);
            if (options.reference()) {
                summary.put("kafkaReferencePerS", round(kafkaRef));
                summary.put("postgresReferencePerS", round(pgRef));
            }
            summary.put("steps", steps.stream().map(s -> stepSummary(s, options.p99BoundMs())).toList());
        }
        System.out.println();
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        System.exit(0);
    }

    private static StepResult single(LoadRun run, BenchOptions options, List<StepResult> steps, Map<String, Double> idle)
            throws Exception {
        System.out.printf("load: %d tickets/s offered, %d s warm-up, %d s window, up to %d s drain, at most %d in flight ...%n",
                options.rate(), options.warmupSeconds(), options.durationSeconds(), options.drainSeconds(), options.inFlight());
        StepResult result = run.run(options.rate(), options.warmupSeconds(), options.durationSeconds(), options.drainSeconds());
        result.print(System.out, options.p99BoundMs(), idle);
        steps.add(result);
        return result;
    }

    /** Rising steps until one fails, then halving the gap (up to four times, to within 10 %); the highest step that held. */
    private static StepResult findMax(LoadRun run, KafkaCounters kafka, BenchOptions options, List<StepResult> steps,
            Map<String, Double> idle) throws Exception {
        StepResult best = null;
        int low = 0;
        int high = -1;
        int rate = options.startRate();
        int bisections = 0;
        while (steps.size() < MAX_STEPS) {
            settle(kafka);
            System.out.printf("%nfind-max: step %d at %d tickets/s ...%n", steps.size() + 1, rate);
            StepResult step = run.run(rate, Math.min(options.warmupSeconds(), 10), options.stepDurationSeconds(), options.drainSeconds());
            step.print(System.out, options.p99BoundMs(), idle);
            steps.add(step);
            if (step.holds(options.p99BoundMs())) {
                low = rate;
                best = step;
            } else {
                high = rate;
            }
            if (high < 0) {
                rate = (int) Math.ceil(rate * options.stepFactor());
            } else if (bisections < 4 && high - low > Math.max(1, low / 10)) {
                rate = (low + high) / 2;
                bisections++;
            } else {
                break;
            }
        }
        System.out.printf("%nfind-max: the highest offered rate that held: %s%n", best == null ? "none (not even "
                + options.startRate() + "/s)" : best.rate() + " tickets/s");
        return best != null ? best : steps.get(steps.size() - 1);
    }

    /** What each process burns with no load (timers, polls, health checks), per second over 5 s. */
    private static Map<String, Double> idlePerSecond() throws InterruptedException {
        System.out.printf("idle baseline: CPU per process for 5 s with no load ...%n");
        ProcessCpu.Snapshot before = ProcessCpu.take();
        TimeUnit.SECONDS.sleep(5);
        Map<String, Double> perSecond = new TreeMap<>();
        ProcessCpu.take().since(before).forEach((group, ms) -> perSecond.put(group, ms / 5.0));
        return perSecond;
    }

    /**
     * Waits (up to two minutes) until every consumer group has caught up and the stack's processes have gone quiet
     * (the SMS worker and the relays finish after the lag is gone), so a step neither inherits a backlog nor is the
     * idle baseline measured on one.
     */
    private static void settle(KafkaCounters kafka) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < until) {
            Map<String, Long> lag = kafka.lagByGroup();
            ProcessCpu.Snapshot before = ProcessCpu.take();
            TimeUnit.SECONDS.sleep(2);
            double busy = ProcessCpu.take().since(before).entrySet().stream().filter(e -> !e.getKey().equals("generator"))
                    .mapToDouble(Map.Entry::getValue).sum() / 2.0;
            if (lag.values().stream().allMatch(l -> l < 50) && busy < QUIET_MS_PER_S) {
                return;
            }
        }
        System.out.println("the suite is still busy after 2 minutes (backlog or CPU); going on regardless");
    }

    /** A step's line of the JSON summary; a figure the step could not measure (nothing accepted) is null. */
    static Map<String, Object> stepSummary(StepResult step, long p99BoundMs) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("offered", step.rate());
        line.put("sustained", round(step.sustained()));
        line.put("p99AssignedMs", round(step.p99AssignedMs()));
        line.put("holds", step.holds(p99BoundMs));
        return line;
    }

    private static Object round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 10) / 10.0;
    }
}
