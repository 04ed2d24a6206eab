package cn.hotline.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hotline.testsupport.TestIssuer;
import cn.hotline.testsupport.TestJwt;
import cn.hotline.testsupport.TestKafka;
import cn.hotline.testsupport.TestServers;

/**
 * The whole suite for end-to-end tests, started once per test JVM: the in-JVM Kafka broker, the real
 * PostgreSQL and Redis, the SMSC simulator, the stand-in 110 receiver and the four services from their packaged
 * jars as processes. With {@code -Dhotline.test.db-suffix=X} (a second checkout testing beside this one) the
 * databases are {@code hotline_<service>_e2eX} and Redis is an embedded server of this run alone; ports are free ones.
 */
final class Suite {

    static final List<String> SERVICES = List.of("intake", "routing", "sla", "notify");
    private static final Duration READY_BOUND = Duration.ofMinutes(3);

    private static Suite instance;

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
    private final Path logs = Path.of(System.getProperty("hotline.e2e.logs", "target/e2e-logs"));
    private final String suffix = System.getProperty("hotline.test.db-suffix", "");
    /** How each process of {@link #processes} was started, so a test can start it again after stopping or killing it. */
    private final Map<String, List<String>> commands = new HashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, String> readyUrls = new HashMap<>();
    private int policePort;
    private int smscPort;
    private int smscHttpPort;
    private int keycloakPort;
    private int consolePort;
    private String consoleUrl;

    private Suite() {
    }

    static synchronized Suite get() throws Exception {
        if (instance == null) {
            Suite suite = new Suite();
            suite.start();
            Runtime.getRuntime().addShutdownHook(new Thread(suite::stopQuietly, "e2e-suite-stop"));
            instance = suite;
        }
        return instance;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String smscView() {
        return "http://127.0.0.1:" + smscHttpPort;
    }

    /** The stand-in 110 receiver ({@code GET /handovers} lists what intake handed over). */
    String policeReceiver() {
        return "http://127.0.0.1:" + policePort;
    }

    /** Ends a process of the suite with KILL, as a crash ({@code intake}, {@code police}, ...). */
    synchronized void kill(String name) throws InterruptedException {
        processes.get(name).kill();
    }

    /** Stops a process of the suite with TERM and waits until it is gone. */
    synchronized void stop(String name) throws InterruptedException {
        ServiceProcess process = processes.get(name);
        process.terminate();
        process.awaitOrKill(java.time.Instant.now().plusSeconds(20));
    }

    /** Starts a stopped or killed process again, as it was started first, and waits until it is ready. */
    synchronized void restart(String name) throws Exception {
        if (processes.get(name).alive()) {
            throw new IllegalStateException(name + " is still running");
        }
        ServiceProcess process = launch(name);
        if (!process.awaitHttp200(readyUrls.get(name), READY_BOUND)) {
            throw new IllegalStateException(name + " did not become ready again; see " + process.log());
        }
    }

    String bootstrap() {
        return TestKafka.bootstrapServers();
    }

    /** The local identity provider's realm (Keycloak, started with the console). */
    String issuer() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/hotline";
    }

    /**
     * The web console and the Keycloak it signs people in with, started on first use (only the browser tests need
     * them): Keycloak from local-stack's unpacked distribution on a JDK 21+, the console from its packaged jar.
     */
    synchronized String console() throws Exception {
        if (consoleUrl != null) {
            return consoleUrl;
        }
        String url = "http://127.0.0.1:" + consolePort;
        Path keycloakHome = ConsoleStack.keycloakHome(root);
        Path data = logs.resolveSibling("e2e-keycloak");
        ConsoleStack.deleteTree(data);
        Files.createDirectories(keycloakHome.resolve("data/import"));
        Files.copy(root.resolve("deploy/local/keycloak/hotline-realm.json"), keycloakHome.resolve("data/import/hotline-realm.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> kcEnv = new HashMap<>();
        kcEnv.put("JAVA_HOME", ConsoleStack.java21Home().toString());
        kcEnv.put("HOTLINE_CONSOLE_URL", url);
        kcEnv.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        ServiceProcess keycloak = ServiceProcess.start("keycloak", List.of("bash", keycloakHome.resolve("bin/kc.sh").toString(),
                "start-dev", "--http-host", "127.0.0.1", "--http-port", String.valueOf(keycloakPort), "--import-realm",
                "--db", "dev-file", "--db-url", "jdbc:h2:file:" + data.toAbsolutePath() + "/keycloakdb;NON_KEYWORDS=VALUE"), kcEnv, logs);
        processes.put("keycloak", keycloak);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(consolePort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer());
        env.put("HOTLINE_CONSOLE_PUBLIC_URL", url);
        for (String service : SERVICES) {
            env.put("QUARKUS_REST_CLIENT_" + service.toUpperCase() + "_URL", url(service));
        }
        Path app = snapshot(root.resolve("web-console/target"), "web-console", List.of("quarkus-app"));
        ServiceProcess console = ServiceProcess.start("web-console", List.of(java(), "-Xmx384m", "-jar",
                app.resolve("quarkus-app/quarkus-run.jar").toString()), env, logs);
        processes.put("web-console", console);
        if (!keycloak.awaitHttp200(issuer() + "/.well-known/openid-configuration", READY_BOUND)) {
            throw new IllegalStateException("Keycloak did not become ready; see " + keycloak.log());
        }
        if (!console.awaitHttp200(url + "/q/health/ready", READY_BOUND)) {
            throw new IllegalStateException("web-console did not become ready; see " + console.log());
        }
        consoleUrl = url;
        return url;
    }

    private void start() throws Exception {
        Files.createDirectories(logs);
        String kafka = TestKafka.bootstrapServers();
        String postgres = TestServers.postgres();
        // A shared Redis has 16 indexes only: a run with a suffix takes a server of its own instead of indexes 5-8.
        String redis = suffix.isEmpty() ? TestServers.redis() : privateRedis();
        smscPort = freePort();
        smscHttpPort = freePort();
        Map<String, String> smscEnv = Map.of("SMSC_SMPP_PORT", String.valueOf(smscPort),
                "SMSC_HTTP_PORT", String.valueOf(smscHttpPort));
        Path smscCopy = snapshot(root.resolve("smsc-simulator/target"), "smsc",
                List.of("smsc-simulator-1.0.0-SNAPSHOT.jar", "lib"));
        ServiceProcess smsc = ServiceProcess.start("smsc", List.of(java(), "-Xmx128m", "-cp",
                smscCopy.resolve("smsc-simulator-1.0.0-SNAPSHOT.jar") + ":" + smscCopy.resolve("lib") + "/*",
                "cn.hotline.smsc.SmscSimulator"), smscEnv, logs);
        processes.put("smsc", smsc);
        startPoliceReceiver();
        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        keycloakPort = freePort();
        consolePort = freePort();
        int redisDb = 5;
        for (String service : SERVICES) {
            String database = "hotline_" + service + "_e2e" + suffix;
            TestServers.freshDatabase(database);
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + postgres + "/" + database);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + postgres + "/" + database);
            env.put("HOTLINE_REDIS_URI", "redis://" + redis + "/" + redisDb++);
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestJwt.publicKeyPath());
            // Services calling others as themselves (notify) get client-credentials tokens from the test issuer.
            TestIssuer.clientConfig("notify-service").forEach((key, value) ->
                    env.put(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'), value));
            env.put("NOTIFY_SMPP_HOST", "127.0.0.1");
            env.put("NOTIFY_SMPP_PORT", String.valueOf(smscPort));
            env.put("QUARKUS_REST_CLIENT_ROUTING_URL", "http://127.0.0.1:" + ports.get("routing"));
            // notify reads the citizen's phone from intake at send time; the SMS links to intake's progress lookup.
            env.put("QUARKUS_REST_CLIENT_INTAKE_URL", "http://127.0.0.1:" + ports.get("intake"));
            env.put("HOTLINE_NOTIFY_CITIZEN_PROGRESS_LINK_BASE", "http://127.0.0.1:" + ports.get("intake") + "/api/v1/progress/");
            env.put("HOTLINE_AUTH_IDP_ISSUER", issuer());
            // The provider's JWKS is fetched by a blocking client: tokens are checked on a worker, not the event loop.
            env.put("QUARKUS_SMALLRYE_JWT_BLOCKING_AUTHENTICATION", "true");
            env.put("HOTLINE_NOTIFY_FIELD_LINK_BASE", "http://127.0.0.1:" + consolePort + "/m/");
            // The scenarios run at any hour: citizen SMS must not wait for the morning (quiet hours have notify's own test).
            env.put("HOTLINE_NOTIFY_QUIET_HOURS_ENABLED", "false");
            // intake hands transferred-out tickets to the stand-in 110, retrying quickly and never giving up in a scenario.
            env.put("HOTLINE_INTAKE_POLICE_RECEIVER_URL", policeReceiver());
            env.put("HOTLINE_INTAKE_POLICE_RETRY_INITIAL_DELAY", "500ms");
            env.put("HOTLINE_INTAKE_POLICE_RETRY_MAX_DELAY", "2s");
            env.put("HOTLINE_INTAKE_POLICE_MAX_ATTEMPTS", "100000");
            env.put("HOTLINE_INTAKE_POLICE_LEASE", "15s");
            Path app = snapshot(root.resolve(service + "-service/target"), service, List.of("quarkus-app"));
            commands.put(service, List.of(java(), "-Xmx384m", "-jar", app.resolve("quarkus-app/quarkus-run.jar").toString()));
            environments.put(service, env);
            readyUrls.put(service, url(service) + "/q/health/ready");
            launch(service);
        }
        for (String service : SERVICES) {
            ServiceProcess process = processes.get(service);
            if (!process.awaitHttp200(url(service) + "/q/health/ready", READY_BOUND)) {
                stopQuietly();
                throw new IllegalStateException(service + "-service did not become ready; see " + process.log());
            }
        }
    }

    /** The stand-in 110 receiver on a free port, what it received kept in a file (so it survives its own restart). */
    private void startPoliceReceiver() throws Exception {
        policePort = freePort();
        Path data = logs.resolveSibling("e2e-police-handovers.jsonl");
        Files.deleteIfExists(data);
        Path copy = snapshot(root.resolve("police-receiver/target"), "police",
                List.of("police-receiver-1.0.0-SNAPSHOT.jar", "lib"));
        commands.put("police", List.of(java(), "-Xmx64m", "-cp",
                copy.resolve("police-receiver-1.0.0-SNAPSHOT.jar") + ":" + copy.resolve("lib") + "/*", "cn.hotline.police.PoliceReceiver"));
        environments.put("police", Map.of("POLICE_RECEIVER_PORT", String.valueOf(policePort),
                "POLICE_RECEIVER_DATA", data.toAbsolutePath().toString()));
        readyUrls.put("police", policeReceiver() + "/status");
        ServiceProcess police = launch("police");
        if (!police.awaitHttp200(readyUrls.get("police"), READY_BOUND)) {
            throw new IllegalStateException("the 110 receiver did not start; see " + police.log());
        }
    }

    /** Starts {@code name} from its recorded command and environment (its log is appended to). */
    private ServiceProcess launch(String name) throws IOException {
        String logName = SERVICES.contains(name) ? name + "-service" : name + "-receiver";
        ServiceProcess process = ServiceProcess.start(logName, commands.get(name), environments.get(name), logs);
        processes.put(name, process);
        return process;
    }

    /**
     * Copies the packaged application ({@code entries} of {@code target}) aside and runs the copy: a module
     * repackaged while the suite runs (another build on the same tree) must not pull the jars from under a
     * running JVM, whose lazy class loading then hangs or fails.
     */
    private Path snapshot(Path target, String name, List<String> entries) throws IOException {
        Path copy = logs.resolveSibling("e2e-apps").resolve(name);
        if (Files.exists(copy)) {
            try (var walk = Files.walk(copy)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (String entry : entries) {
            Path from = target.resolve(entry);
            if (!Files.exists(from)) {
                throw new IllegalStateException(from + " is missing: package the services first"
                        + " (./mvnw -B -DskipTests package -pl intake-service,routing-service,sla-service,notify-service,smsc-simulator,police-receiver)");
            }
            try (var walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path to = copy.resolve(entry).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return copy;
    }

    /**
     * TERM to every process at once, then one shared 15 s wait before KILL: the test JVM's shutdown hook must end
     * well inside failsafe's exit timeout (30 s), or the JVM is killed with services still running.
     */
    private void stopQuietly() {
        List<ServiceProcess> all = new ArrayList<>(processes.values());
        all.forEach(ServiceProcess::terminate);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        for (ServiceProcess process : all) {
            try {
                process.awaitOrKill(deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    /** An embedded Redis server of this test JVM alone, on a free port (stopped by a shutdown hook). */
    private static String privateRedis() throws IOException {
        int port = freePort();
        redis.embedded.RedisServer server = new redis.embedded.RedisServer(port);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }, "e2e-private-redis-stop"));
        return "127.0.0.1:" + port;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
