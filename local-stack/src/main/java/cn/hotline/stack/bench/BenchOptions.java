package cn.hotline.stack.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What bench.sh was asked to do, checked before anything runs (a wrong flag is named, not ignored). */
record BenchOptions(int rate, int durationSeconds, int warmupSeconds, int drainSeconds, int inFlight, int slaSampleEvery,
        boolean findMax, int startRate, double stepFactor, int stepDurationSeconds, long p99BoundMs, boolean reference,
        Path chart, String intake, String sla, String bootstrap, String jdbc, String dbPrefix, String operatorToken,
        String dispatcherToken) {

    private static final Set<String> FLAGS = Set.of("find-max", "no-reference");
    private static final Set<String> VALUES = Set.of("rate", "duration", "warmup", "drain", "in-flight", "sla-sample",
            "start-rate", "step-factor", "step-duration", "p99-bound-ms", "chart", "intake", "sla", "bootstrap", "jdbc",
            "db-prefix", "operator-token", "dispatcher-token");

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Map<String, Boolean> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (FLAGS.contains(name)) {
                flags.put(name, true);
            } else if (VALUES.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: --" + String.join(" --", VALUES)
                        + " --" + String.join(" --", FLAGS));
            }
        }
        BenchOptions options = new BenchOptions(
                positive(values, "rate", 1000), positive(values, "duration", 60), atLeastZero(values, "warmup", 10),
                atLeastZero(values, "drain", 30), positive(values, "in-flight", 512), positive(values, "sla-sample", 50),
                flags.getOrDefault("find-max", false), positive(values, "start-rate", 50),
                factor(values.getOrDefault("step-factor", "1.4")), positive(values, "step-duration", 30),
                positive(values, "p99-bound-ms", 500), !flags.getOrDefault("no-reference", false),
                values.containsKey("chart") ? Path.of(values.get("chart")) : null,
                values.getOrDefault("intake", "http://127.0.0.1:8081"), values.getOrDefault("sla", "http://127.0.0.1:8083"),
                values.getOrDefault("bootstrap", "127.0.0.1:9092"),
                values.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/hotline_intake"),
                values.getOrDefault("db-prefix", "hotline"), values.get("operator-token"), values.get("dispatcher-token"));
        if (options.operatorToken() == null || options.operatorToken().isBlank()) {
            throw new IllegalArgumentException("--operator-token is required (bench.sh passes token.sh operator)");
        }
        return options;
    }

    private static int positive(Map<String, String> values, String name, int fallback) {
        int value = number(values, name, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be greater than 0, was " + value);
        }
        return value;
    }

    private static int atLeastZero(Map<String, String> values, String name, int fallback) {
        int value = number(values, name, fallback);
        if (value < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative, was " + value);
        }
        return value;
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        String raw = values.get(name);
        try {
            return raw == null ? fallback : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + raw + "'");
        }
    }

    private static double factor(String raw) {
        try {
            double value = Double.parseDouble(raw.strip());
            if (!(value > 1.0 && value <= 4.0)) {
                throw new IllegalArgumentException("--step-factor must be above 1 and at most 4, was " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--step-factor must be a number such as 1.4, was '" + raw + "'");
        }
    }
}
