package cn.hotline.stack.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** What one load step measured in its window, and whether the suite held the offered rate. */
record StepResult(int rate, int warmupSeconds, int windowSeconds, long sent, long accepted, Map<String, Long> failed,
        long dispatchedInWindow, long assignedCount, long queuedCount, long misses, Histogram http, Histogram created,
        Histogram assigned, Histogram queued, Histogram armed, Map<String, List<long[]>> lag, Map<String, Double> cpuMs,
        Map<String, Double> jitMs, Map<String, Double> gcMs,
        PgCounters.Totals db, long kafkaRecords, long[] offeredSeries, long[] acceptedSeries, long[] dispatchedSeries,
        double[] p99Series) {

    long failedCount() {
        return failed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Tickets dispatched (assigned or queued for a person) per second inside the window. */
    double sustained() {
        return dispatchedInWindow / (double) windowSeconds;
    }

    double p99AssignedMs() {
        return assigned.getTotalCount() == 0 ? Double.NaN : assigned.getValueAtPercentile(99) / 1000.0;
    }

    /** The growth of a group's lag across the window by least squares, in records. */
    static double lagGrowth(List<long[]> samples) {
        if (samples.size() < 2) {
            return 0;
        }
        double n = samples.size();
        double mx = samples.stream().mapToDouble(s -> s[0] / 1e9).sum() / n;
        double my = samples.stream().mapToDouble(s -> s[1]).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (long[] s : samples) {
            double dx = s[0] / 1e9 - mx;
            sxy += dx * (s[1] - my);
            sxx += dx * dx;
        }
        double span = (samples.get(samples.size() - 1)[0] - samples.get(0)[0]) / 1e9;
        return sxx == 0 ? 0 : sxy / sxx * span;
    }

    /**
     * Flat: no group's lag grew over the window by more than three seconds' worth of tickets (at least 500 records);
     * committed offsets move in steps (the consumers commit every few seconds), so a smaller bound reads noise.
     */
    boolean lagFlat() {
        double allowed = Math.max(500, 3.0 * rate);
        return lag.values().stream().allMatch(samples -> lagGrowth(samples) <= allowed);
    }

    /** CPU per ticket after taking away what each process burns idle (its baseline per second over the window). */
    double netCpuMsPerTicket(Map<String, Double> idleMsPerSecond) {
        if (accepted == 0) {
            return Double.NaN;
        }
        return cpuMs.entrySet().stream().mapToDouble(e -> Math.max(0,
                e.getValue() - idleMsPerSecond.getOrDefault(e.getKey(), 0.0) * windowSeconds)).sum() / accepted;
    }

    double cpuMsPerTicket() {
        return accepted == 0 ? Double.NaN : cpuMs.values().stream().mapToDouble(Double::doubleValue).sum() / accepted;
    }

    /** Held: p99 to dispatch.assigned within the bound, lag flat, no misses, at most 0.1 % refused. */
    boolean holds(long p99BoundMs) {
        return accepted > 0 && p99AssignedMs() <= p99BoundMs && lagFlat() && misses == 0 && failedCount() * 1000 <= sent;
    }

    void print(PrintStream out, long p99BoundMs, Map<String, Double> idleMsPerSecond) {
        out.printf("%n== step: %d tickets/s offered, %d s window after %d s warm-up ==%n", rate, windowSeconds, warmupSeconds);
        out.printf("window: sent %d (%.0f/s), accepted 201 %d (%.0f/s), refused %d %s%n", sent, sent / (double) windowSeconds,
                accepted, accepted / (double) windowSeconds, failedCount(), failed.isEmpty() ? "" : failed);
        out.printf("dispatched in the window %.0f/s; of the window's tickets: assigned %d, MANUAL queue %d, misses %d"
                + " (not dispatched by the drain's end; counted at that time)%n", sustained(), assignedCount, queuedCount, misses);
        out.printf("%-40s %8s %9s %9s %9s %9s%n", "ms from the intended send time", "count", "p50", "p95", "p99", "max");
        row(out, "HTTP 201 answered", http);
        row(out, "ticket.created on Kafka", created);
        row(out, "dispatch.assigned on Kafka (+misses)", assigned);
        row(out, "dispatch.queued (MANUAL) on Kafka", queued);
        row(out, "SLA timers visible (sampled)", armed);
        out.printf("consumer lag (records) at window start -> end, growth by least squares:%n");
        lag.forEach((group, samples) -> out.printf("  %-28s %8d -> %8d  %+8.0f%n", group, samples.get(0)[1],
                samples.get(samples.size() - 1)[1], lagGrowth(samples)));
        out.printf("lag %s%n", lagFlat() ? "flat (sustained)" : "GROWING (not sustained)");
        out.printf("CPU ms per accepted ticket, by process (window)     gross   idle ms/s     net  of gross: JIT     GC%n");
        cpuMs.forEach((group, ms) -> {
            double idle = idleMsPerSecond.getOrDefault(group, 0.0);
            out.printf("  %-44s %8.2f %9.1f %8.2f %13s %6s%n", group, accepted == 0 ? Double.NaN : ms / accepted, idle,
                    accepted == 0 ? Double.NaN : Math.max(0, ms - idle * windowSeconds) / accepted,
                    jitMs.containsKey(group) ? String.format("%.2f", per(jitMs.get(group))) : "",
                    gcMs.containsKey(group) ? String.format("%.2f", per(gcMs.get(group))) : "");
        });
        out.printf("  %-44s %8.2f %9s %8.2f%n", "total", cpuMsPerTicket(), "", netCpuMsPerTicket(idleMsPerSecond));
        out.printf("per ticket: PostgreSQL commits %.1f, row writes %.1f, statements %s; Kafka records %.1f%n",
                per(db.commits()), per(db.rowWrites()), db.statements() < 0 ? "n/a (pg_stat_statements not preloaded)"
                        : String.format("%.1f", per(db.statements())), per(kafkaRecords));
        out.printf("step %s (p99 to dispatch.assigned <= %d ms, lag flat, 0 misses, <= 0.1 %% refused)%n",
                holds(p99BoundMs) ? "HOLDS" : "does not hold", p99BoundMs);
    }

    double per(double amount) {
        return accepted == 0 ? Double.NaN : amount / accepted;
    }

    double per(long count) {
        return accepted == 0 ? Double.NaN : count / (double) accepted;
    }

    private static void row(PrintStream out, String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            out.printf("%-40s %8d %9s %9s %9s %9s%n", name, 0, "-", "-", "-", "-");
            return;
        }
        out.printf("%-40s %8d %9.1f %9.1f %9.1f %9.1f%n", name, h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
