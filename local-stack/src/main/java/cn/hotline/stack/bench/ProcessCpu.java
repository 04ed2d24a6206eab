package cn.hotline.stack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time per process group from /proc: each JVM of the stack by its {@code -Dhotline.stack=NAME} marker (replicas
 * {@code NAME-2} counted with {@code NAME}, Kafka brokers {@code kafka-2}, {@code kafka-3} with {@code kafka}), the
 * PostgreSQL backends, Redis and this generator itself.
 */
final class ProcessCpu {

    /** Linux reports /proc times in clock ticks; USER_HZ is 100 on every mainstream kernel build. */
    private static final double MS_PER_TICK = 10.0;
    private static final Pattern MARKER = Pattern.compile("-Dhotline\\.stack=([A-Za-z0-9_.-]+)");
    private static final Pattern REPLICA = Pattern.compile("^(.*-service|kafka)-\\d+$");
    private static final long SELF = ProcessHandle.current().pid();

    private ProcessCpu() {
    }

    /** CPU ms per group so far, for the processes alive now (PostgreSQL's reaped backends through the postmaster). */
    static Snapshot take() {
        Map<String, Double> groups = new TreeMap<>();
        Map<String, Double> jit = new TreeMap<>();
        Map<String, Double> gc = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                try {
                    String group = group(pid, entry);
                    if (group != null) {
                        groups.merge(group, cpuMs(entry, group.equals("postgresql")), Double::sum);
                        if (!group.equals("postgresql") && !group.equals("redis")) {
                            threads(entry, group, jit, gc);
                        }
                    }
                } catch (IOException | RuntimeException vanished) {
                    // The process ended between listing and reading: its time is no longer attributable.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc: " + e.getMessage(), e);
        }
        return new Snapshot(groups, jit, gc);
    }

    /** A JVM's JIT compiler and garbage collector threads, by their thread names. */
    private static void threads(Path process, String group, Map<String, Double> jit, Map<String, Double> gc) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8);
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit.merge(group, cpuMs(task, false), Double::sum);
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        gc.merge(group, cpuMs(task, false), Double::sum);
                    }
                } catch (IOException | RuntimeException vanished) {
                    // A compiler thread the JVM retired between listing and reading.
                }
            }
        } catch (IOException ignored) {
            // The process ended: its total above is all there is.
        }
    }

    private static String group(long pid, Path entry) throws IOException {
        if (pid == SELF) {
            return "generator";
        }
        String comm = Files.readString(entry.resolve("comm"), StandardCharsets.UTF_8).strip();
        if (comm.equals("postgres")) {
            return "postgresql";
        }
        if (comm.startsWith("redis-server")) {
            return "redis";
        }
        String cmdline = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        Matcher marker = MARKER.matcher(cmdline);
        if (!marker.find()) {
            return null;
        }
        Matcher replica = REPLICA.matcher(marker.group(1));
        return replica.matches() ? replica.group(1) : marker.group(1);
    }

    private static double cpuMs(Path entry, boolean withReapedChildren) throws IOException {
        String stat = Files.readString(entry.resolve("stat"), StandardCharsets.UTF_8);
        // Fields after the parenthesised command name, which may itself contain spaces.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks * MS_PER_TICK;
    }

    /** CPU ms per group at one moment, and of it the JIT compiler's and the garbage collector's threads. */
    record Snapshot(Map<String, Double> msByGroup, Map<String, Double> jitByGroup, Map<String, Double> gcByGroup) {

        /** CPU ms each group spent since {@code earlier} (groups present in either; a group that vanished counts 0). */
        Map<String, Double> since(Snapshot earlier) {
            return spent(msByGroup, earlier.msByGroup);
        }

        Map<String, Double> jitSince(Snapshot earlier) {
            return spent(jitByGroup, earlier.jitByGroup);
        }

        Map<String, Double> gcSince(Snapshot earlier) {
            return spent(gcByGroup, earlier.gcByGroup);
        }

        private static Map<String, Double> spent(Map<String, Double> now, Map<String, Double> before) {
            Map<String, Double> spent = new TreeMap<>();
            Map<String, Double> all = new HashMap<>(now);
            before.keySet().forEach(k -> all.putIfAbsent(k, before.get(k)));
            all.keySet().forEach(group -> spent.put(group,
                    Math.max(0, now.getOrDefault(group, 0.0) - before.getOrDefault(group, 0.0))));
            return spent;
        }
    }
}
