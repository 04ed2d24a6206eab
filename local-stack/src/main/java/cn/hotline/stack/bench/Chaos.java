package cn.hotline.stack.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
                ChaosCheck check = new ChaosCheck(options.get("pg"), options.getOrDefault("db-prefix", "hotline"),
                        options.get("bootstrap"), options.get("smsc"), ChaosCheck.readKills(Path.of(options.get("notify-kills"))));
                boolean settled = check.settle(Duration.ofMinutes(Long.parseLong(options.getOrDefault("settle-minutes", "20"))));
                check.check(Integer.parseInt(options.get("total")), ChaosCheck.readAccepted(Path.of(options.get("accepted"))));
                check.print();
                if (!settled) {
                    System.out.println("the suite did not settle (outbox rows or consumer lag left): FAIL");
                }
                int failed = check.failures() + (settled ? 0 : 1);
                System.out.println(failed == 0 ? "chaos run: no loss, no duplicate" : "chaos run: " + failed + " check(s) FAILED");
                System.exit(failed == 0 ? 0 : 1);
            }
            case "redis-loss" -> {
                RedisLoss.inflict(options.get("host"), Integer.parseInt(options.get("port")),
                        Arrays.stream(options.get("dbs").split(",")).map(String::trim).collect(Collectors.toSet()));
                System.exit(0);
            }
            case "broker-role" -> {
                System.out.println(BrokerReplicas.role(options.get("bootstrap"), Integer.parseInt(options.get("node"))));
                System.exit(0);
            }
            case "in-sync" -> {
                boolean inSync = BrokerReplicas.inSync(options.get("bootstrap"), Integer.parseInt(options.get("replicas")),
                        Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "300"))));
                System.exit(inSync ? 0 : 1);
            }
            default -> {
                System.err.println("usage: Chaos load|check|redis-loss|broker-role|in-sync --option value ...");
                System.exit(2);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
