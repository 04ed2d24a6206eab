package cn.hotline.stack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

import cn.hotline.events.Topics;

/** The chaos run's view of the brokers: what one leads before it is killed, and when every replica is back in sync. */
final class BrokerReplicas {

    /** The suite's partitions and the consumer offsets: what a broker's loss must not lose. */
    private static final List<String> REPLICATED = Stream.concat(Topics.ALL.stream(), Stream.of("__consumer_offsets")).toList();

    private BrokerReplicas() {
    }

    /** How many of the replicated partitions {@code node} leads, and whether it is the active controller (said in the past tense: it is about to be killed). */
    static String role(String bootstrap, int node) throws Exception {
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
    static boolean inSync(String bootstrap, int replicas, Duration bound) throws Exception {
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
}
