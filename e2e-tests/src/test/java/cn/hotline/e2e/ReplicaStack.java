package cn.hotline.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import cn.hotline.testsupport.TestServers;

/**
 * A second, complete local stack run the way a person runs it: {@code deploy/local/up.sh --replicas N --detach},
 * {@code token.sh}, {@code down.sh}, each with an environment that moves every address, file and database of the
 * stack away from a developer's own stack (deploy/local/.data, the default ports, the {@code hotline_*} databases,
 * Redis databases 1..4) and from the e2e {@link Suite} (Redis 5..8).
 */
final class ReplicaStack {

    static final List<String> SERVICES = List.of("intake", "routing", "sla", "notify");
    private static final int REDIS_DB_BASE = 9;
    private static final Duration UP_BOUND = Duration.ofMinutes(6);
    private static final Duration DOWN_BOUND = Duration.ofMinutes(3);
    private static final Duration TOKEN_BOUND = Duration.ofMinutes(2);

    private final Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
    private final Path home = root.resolve("e2e-tests/target/replicas-stack");
    private final Path data = home.resolve("data");
    private final Path logs = home.resolve("logs");
    private final int replicas;
    private final Map<String, Integer> basePorts = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** Every process this stack recorded in its pid files (name → pids), seen while up.sh ran and before down.sh. */
    private final Map<String, Set<Long>> seenPids = new LinkedHashMap<>();
    private final String redis = TestServers.redis();
    private final int kafkaPort;
    private final int smscHttpPort;
    private volatile boolean stopped;

    ReplicaStack(int replicas) throws IOException {
        this.replicas = replicas;
        Set<Integer> taken = new HashSet<>();
        for (String service : SERVICES) {
            basePorts.put(service, freePortWithReplicas(taken));
        }
        kafkaPort = freePort(taken);
        int kafkaControllerPort = freePort(taken);
        int smscPort = freePort(taken);
        smscHttpPort = freePort(taken);
        // PostgreSQL: a free port, so up.sh starts its own embedded server (max_connections=300, data under
        // HOTLINE_DATA), as deploy/local/smoke.sh does. Not the shared TestServers.postgres(): its max_connections
        // is 100, a developer's stack holds ~65 of them, and eight more instances (reactive pools of up to 20 plus
        // JDBC; this scenario's stack holds ~75 once warm) exhausted it ("FATAL: sorry, too many clients already"),
        // which also starves the developer's stack.
        int postgresPort = freePort(taken);
        String[] redisAddress = redis.split(":");
        env.put("HOTLINE_DATA", data.toString());
        // Its data starts empty every run, so an ahead-of-time cache would be recorded and written on every down
        // (~25 s of both cores) and never used: this scenario is about replicas, not start-up.
        env.put("HOTLINE_SERVICE_AOT", "off");
        env.put("HOTLINE_LOGS", logs.toString());
        env.put("HOTLINE_DB_PREFIX", "hotline_r2e");
        env.put("HOTLINE_REDIS_DB_BASE", String.valueOf(REDIS_DB_BASE));
        env.put("HOTLINE_PG_HOST", "127.0.0.1");
        env.put("HOTLINE_PG_PORT", String.valueOf(postgresPort));
        env.put("HOTLINE_REDIS_HOST", redisAddress[0]);
        env.put("HOTLINE_REDIS_PORT", redisAddress[1]);
        env.put("HOTLINE_KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("HOTLINE_KAFKA_CONTROLLER_PORT", String.valueOf(kafkaControllerPort));
        env.put("HOTLINE_SMSC_PORT", String.valueOf(smscPort));
        env.put("HOTLINE_SMSC_HTTP_PORT", String.valueOf(smscHttpPort));
        env.put("HOTLINE_POLICE_PORT", String.valueOf(freePort(taken)));
        env.put("HOTLINE_ISSUER_PORT", String.valueOf(freePort(taken)));
        for (String service : SERVICES) {
            env.put("HOTLINE_" + service.toUpperCase() + "_PORT", String.valueOf(basePorts.get(service)));
        }
    }

    /**
     * Stops what an earlier, aborted run of this stack may have left (its pid files), starts from empty data, logs
     * and Redis databases, and runs {@code up.sh --replicas N --detach} until every instance is ready.
     */
    void up() throws Exception {
        Files.createDirectories(home);
        if (Files.isDirectory(data.resolve("run"))) {
            Map<String, Set<Long>> leftovers = new LinkedHashMap<>();
            notePids(leftovers);
            run("down (leftovers)", List.of("bash", root.resolve("deploy/local/down.sh").toString()), DOWN_BOUND, false);
            assertNoneRunning(leftovers);
        }
        deleteRecursively(data);
        deleteRecursively(logs);
        flushRedis();
        // A test JVM ended before @AfterAll (Ctrl-C, a fork timeout) must not leave the stack running either.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!stopped) {
                try {
                    run("down (shutdown)", List.of("bash", root.resolve("deploy/local/down.sh").toString()), DOWN_BOUND, false);
                } catch (Exception ignored) {
                    // the JVM is exiting; the next run stops leftovers through the pid files
                }
            }
        }, "replica-stack-down"));
        // The pid files are watched while up.sh runs: when it fails it stops what it started itself (and removes
        // the files), and down() still checks those processes are gone.
        // --no-console: the replicas are about the services; ConsoleIT covers the console and Keycloak.
        run("up", List.of("bash", root.resolve("deploy/local/up.sh").toString(), "--replicas", String.valueOf(replicas),
                "--detach", "--no-console"), UP_BOUND, true);
    }

    /** Runs {@code down.sh} and checks that no process of this stack's pid files runs any more. */
    void down() throws Exception {
        stopped = true;
        notePids(seenPids);
        run("down", List.of("bash", root.resolve("deploy/local/down.sh").toString()), DOWN_BOUND, false);
        assertNoneRunning(seenPids);
        Map<String, Set<Long>> left = new LinkedHashMap<>();
        notePids(left);
        if (!left.isEmpty()) {
            throw new AssertionError("down.sh left pid files behind: " + left);
        }
    }

    /** A dev JWT of the stack's own key pair: {@code token.sh ROLE [options]}. */
    synchronized String token(String role, String... options) throws Exception {
        String key = role + " " + String.join(" ", options);
        String token = tokens.get(key);
        if (token == null) {
            List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/local/token.sh").toString(), role));
            command.addAll(List.of(options));
            List<String> lines = Files.readAllLines(run("token-" + role, command, TOKEN_BOUND, false), StandardCharsets.UTF_8);
            token = lines.stream().filter(l -> l.chars().filter(c -> c == '.').count() == 2 && !l.contains(" "))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException("token.sh printed no token: " + lines));
            tokens.put(key, token);
        }
        return token;
    }

    /** The URL of {@code service}'s replica {@code replica} (1-based): the base port, +100 per further replica. */
    String url(String service, int replica) {
        return "http://127.0.0.1:" + (basePorts.get(service) + 100 * (replica - 1));
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String smscView() {
        return "http://127.0.0.1:" + smscHttpPort;
    }

    int replicas() {
        return replicas;
    }

    /** Runs a deploy/local script with the stack's environment; returns its output file, throws with its tail on failure. */
    private Path run(String what, List<String> command, Duration bound, boolean watchPids) throws Exception {
        Path output = home.resolve(what.replaceAll("[^A-Za-z0-9-]", "-") + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        // Nothing of the caller's own stack settings may leak in: only this stack's addresses count.
        environment.keySet().removeIf(name -> Stream.of("HOTLINE_", "QUARKUS_", "KAFKA_", "MP_", "SMALLRYE_", "NOTIFY_", "SMSC_", "POLICE_")
                .anyMatch(name::startsWith));
        environment.putAll(env);
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        long deadline = System.nanoTime() + bound.toNanos();
        boolean finished = false;
        while (!finished && System.nanoTime() < deadline) {
            finished = process.waitFor(1, TimeUnit.SECONDS);
            if (watchPids) {
                notePids(seenPids);
            }
        }
        if (!finished) {
            // Only the script itself: what it launched is in its pid files, for down.sh.
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + bound + "; last lines:\n"
                    + tail(output, 40));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                    + "; last lines:\n" + tail(output, 40) + "\n(instance logs in " + logs + ")");
        }
        return output;
    }

    /** Adds name → pid of every pid file in HOTLINE_DATA/run to {@code pids}. */
    private void notePids(Map<String, Set<Long>> pids) {
        Path run = data.resolve("run");
        if (!Files.isDirectory(run)) {
            return;
        }
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                String text = Files.readString(file).trim();
                if (text.matches("[0-9]+")) {
                    pids.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(Long.parseLong(text));
                }
            }
        } catch (IOException raced) {
            // a pid file removed while listing: the next look sees the directory as it is then
        }
    }

    /** Fails when a recorded pid still runs the process this stack started under that name. */
    private static void assertNoneRunning(Map<String, Set<Long>> pids) {
        List<String> alive = new ArrayList<>();
        pids.forEach((name, ids) -> ids.forEach(pid -> {
            Path cmdline = Path.of("/proc", String.valueOf(pid), "cmdline");
            try {
                String command = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
                if (command.contains("-Dhotline.stack=" + name + " ")) {
                    alive.add(name + " (pid " + pid + ")");
                }
            } catch (IOException gone) {
                // no such process any more
            }
        }));
        if (!alive.isEmpty()) {
            throw new AssertionError("still running after down.sh: " + alive);
        }
    }

    private void flushRedis() {
        RedisClient client = RedisClient.create("redis://" + redis);
        try {
            for (int db = REDIS_DB_BASE; db < REDIS_DB_BASE + SERVICES.size(); db++) {
                try (StatefulRedisConnection<String, String> connection = client.connect()) {
                    connection.sync().select(db);
                    connection.sync().flushdb();
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A free port whose replica ports (+100 each) are free as well. */
    private int freePortWithReplicas(Set<Integer> taken) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = freePort(taken);
            boolean all = true;
            for (int replica = 2; replica <= replicas && all; replica++) {
                int other = port + 100 * (replica - 1);
                all = other <= 65_535 && !taken.contains(other) && bindable(other);
            }
            if (all) {
                for (int replica = 2; replica <= replicas; replica++) {
                    taken.add(port + 100 * (replica - 1));
                }
                return port;
            }
        }
        throw new IllegalStateException("found no free port p with p+100.. free as well");
    }

    private static int freePort(Set<Integer> taken) throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            }
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
