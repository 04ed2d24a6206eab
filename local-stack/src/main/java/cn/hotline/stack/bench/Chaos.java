package cn.hotline.stack.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

import cn.hotline.events.Topics;

/**
 * The fault-injection run's Java side (deploy/local/chaos.sh does the killing and restarting):
 * {@code load} offers the tickets, {@code check} waits for the suite to settle and prints the loss/duplicate
 * table (exit 1 on any failure), {@code redis-loss} empties a shared Redis's hotline databases and drops the
 * services' connections, as a Redis restarted without its data would; {@code broker-role} says what a broker is
 * about to take down with it, {@code in-sync} waits until every replica of the suite's partitions is in sync again.
 */
public final class Chaos {

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "load" -> {
                ChaosLoad load = new ChaosLoad(new TicketFactory(Long.parseLong(options.getOrDefault("seed", "20261122"))),
                        List.of(options.get("intake").split(",")), options.get("token"), options.get("run"),
                        Integer.parseInt(options.getOrDefault("max-in-flight", "300")));
                boolean all = load.run(Integer.parseInt(options.get("total")), Integer.parseInt(options.get("rate")),
                        Duration.ofMinutes(Long.parseLong(options.getOrDefault("give-up-minutes", "30"))), Path.of(options.get("out")));
                System.exit(all ? 0 : 1);
            }
            case "check" -> {
                List<Long> kills = new ArrayList<>();
                Path killFile = Path.of(options.get("notify-kills"));
                if (Files.exists(killFile)) {
                    for (String line : Files.readAllLines(killFile)) {
                        if (!line.isBlank()) {
                            kills.add(Long.parseLong(line.trim()));
                        }
                    }
                }
                ChaosCheck check = new ChaosCheck(options.get("pg"), options.getOrDefault("db-prefix", "hotline"),
                        options.get("bootstrap"), options.get("smsc"), kills);
                boolean settled = check.settle(Duration.ofMinutes(Long.parseLong(options.getOrDefault("settle-minutes", "20"))));
                check.check(Integer.parseInt(options.get("total")), ChaosCheck.readAccepted(Path.of(options.get("accepted"))));
                check.print();
                if (!settled) {
                    System.out.println("the suite did not settle (outbox rows or consumer lag left): FAIL");
                }
                int failed = check.failures + (settled ? 0 : 1);
                System.out.println(failed == 0 ? "chaos run: no loss, no duplicate" : "chaos run: " + failed + " check(s) FAILED");
                System.exit(failed == 0 ? 0 : 1);
            }
            case "redis-loss" -> {
                redisLoss(options.get("host"), Integer.parseInt(options.get("port")),
                        Arrays.stream(options.get("dbs").split(",")).map(String::trim).collect(Collectors.toSet()));
                System.exit(0);
            }
            case "broker-role" -> {
                System.out.println(brokerRole(options.get("bootstrap"), Integer.parseInt(options.get("node"))));
                System.exit(0);
            }
            case "in-sync" -> {
                boolean inSync = inSync(options.get("bootstrap"), Integer.parseInt(options.get("replicas")),
                        Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "300"))));
                System.exit(inSync ? 0 : 1);
            }
            default -> {
                System.err.println("usage: Chaos load|check|redis-loss|broker-role|in-sync --option value ...");
                System.exit(2);
            }
        }
    }

    /** The suite's partitions and the consumer offsets: what a broker's loss must not lose. */
    private static final List<String> REPLICATED = Stream.concat(Topics.ALL.stream(), Stream.of("__consumer_offsets")).toList();

    /** How many of the replicated partitions {@code node} leads, and whether it is the active controller (said in the past tense: it is about to be killed). */
    private static String brokerRole(String bootstrap, int node) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long led = 0;
            long all = 0;
            for (TopicDescription topic : admin.describeTopics(REPLICATED).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    all++;
                    if (partition.leader() != null && partition.leader().id() == node) {
                        led++;
                    }
                }
            }
            int controller = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
            return "it led " + led + " of the " + all + " partitions of the suite's topics and the consumer offsets"
                    + (controller == node ? " and was the active controller" : ", node " + controller + " was the active controller");
        }
    }

    /**
     * Waits until every replicated partition has {@code replicas} in-sync replicas; prints what is still
     * under-replicated when {@code bound} runs out.
     */
    private static boolean inSync(String bootstrap, int replicas, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        long under = -1;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            while (System.nanoTime() < deadline) {
                try {
                    under = admin.describeTopics(REPLICATED).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                            .flatMap(topic -> topic.partitions().stream()).filter(p -> p.isr().size() < replicas).count();
                    if (under == 0) {
                        return true;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // The cluster is still changing leaders; ask again.
                }
                TimeUnit.SECONDS.sleep(1);
            }
        }
        System.out.println("after " + bound.toSeconds() + " s, " + (under < 0 ? "the cluster did not answer" : under
                + " partition(s) still have fewer than " + replicas + " in-sync replicas"));
        return false;
    }

    /** Kills the connections of clients on {@code dbs}, then empties those databases (FLUSHDB). */
    private static void redisLoss(String host, int port, Set<String> dbs) throws Exception {
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String clients = bulk(command(out, in, "CLIENT", "LIST"));
            int killed = 0;
            for (String client : clients.split("\n")) {
                Map<String, String> fields = new HashMap<>();
                for (String field : client.trim().split(" ")) {
                    int eq = field.indexOf('=');
                    if (eq > 0) {
                        fields.put(field.substring(0, eq), field.substring(eq + 1));
                    }
                }
                if (dbs.contains(fields.get("db")) && !"client list".equals(fields.get("cmd"))) {
                    command(out, in, "CLIENT", "KILL", "ID", fields.get("id"));
                    killed++;
                }
            }
            for (String db : dbs) {
                command(out, in, "SELECT", db);
                command(out, in, "FLUSHDB");
            }
            System.out.printf("Redis %s:%d: dropped %d client connections, emptied databases %s%n", host, port, killed, dbs);
        }
    }

    private static String command(OutputStream out, BufferedReader in, String... parts) throws Exception {
        StringBuilder request = new StringBuilder("*" + parts.length + "\r\n");
        for (String part : parts) {
            request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        String line = in.readLine();
        if (line.startsWith("-")) {
            throw new IllegalStateException("Redis " + parts[0] + ": " + line);
        }
        if (line.startsWith("$")) {
            int length = Integer.parseInt(line.substring(1));
            if (length < 0) {
                return line;
            }
            char[] body = new char[length];
            int read = 0;
            // CLIENT LIST is ASCII, so characters and bytes count alike.
            while (read < length) {
                read += in.read(body, read, length - read);
            }
            in.readLine();
            return "$" + new String(body);
        }
        return line;
    }

    private static String bulk(String reply) {
        return reply.startsWith("$") ? reply.substring(1) : reply;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
