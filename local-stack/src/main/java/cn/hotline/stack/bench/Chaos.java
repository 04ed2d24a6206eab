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
import java.util.stream.Collectors;

/**
 * The fault-injection run's Java side (deploy/local/chaos.sh does the killing and restarting):
 * {@code load} offers the tickets, {@code check} waits for the suite to settle and prints the loss/duplicate
 * table (exit 1 on any failure), {@code redis-loss} empties a shared Redis's hotline databases and drops the
 * services' connections, as a Redis restarted without its data would.
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
            default -> {
                System.err.println("usage: Chaos load|check|redis-loss --option value ...");
                System.exit(2);
            }
        }
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
