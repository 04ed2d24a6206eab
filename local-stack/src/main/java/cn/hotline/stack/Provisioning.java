package cn.hotline.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import cn.hotline.events.Topics;

/** Creates what the services expect to exist: their databases and the Kafka topics. Idempotent. */
final class Provisioning {

    private Provisioning() {
    }

    /** {@code databases HOST PORT NAME...}: creates each database that does not exist yet. */
    static int databases(List<String> args) throws Exception {
        String url = "jdbc:postgresql://" + args.get(0) + ":" + args.get(1) + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            for (String name : args.subList(2, args.size())) {
                try (PreparedStatement exists = connection.prepareStatement(
                        "select 1 from pg_database where datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rows = exists.executeQuery()) {
                        if (rows.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("create database \"" + name + "\"");
                }
            }
        } catch (java.sql.SQLException e) {
            System.err.println("PostgreSQL at " + args.get(0) + ":" + args.get(1) + " refused to create the databases"
                    + " (user postgres, no password): " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * {@code topics BOOTSTRAP PARTITIONS [REPLICATION_FACTOR [MIN_INSYNC_REPLICAS]]}: creates the suite's topics (one
     * replica unless told), waiting up to a minute for the brokers; a topic that exists is left as it is.
     */
    static int topics(List<String> args) throws Exception {
        int partitions = Integer.parseInt(args.get(1));
        short replicas = args.size() > 2 ? Short.parseShort(args.get(2)) : 1;
        Map<String, String> configs = args.size() > 3 ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, args.get(3)) : Map.of();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args.get(0),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            // A broker answers before every other node has registered; placing three replicas needs three brokers.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int brokers = admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size();
            while (brokers < replicas && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(500);
                brokers = admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size();
            }
            if (brokers < replicas) {
                System.err.println("Kafka at " + args.get(0) + " has " + brokers + " broker(s) registered after a minute;"
                        + " " + replicas + " are needed for replication factor " + replicas);
                return 1;
            }
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, replicas).configs(configs));
                }
            }
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            System.err.println("Kafka at " + args.get(0) + " did not create the topics: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
