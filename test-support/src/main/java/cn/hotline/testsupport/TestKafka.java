package cn.hotline.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import cn.hotline.events.Topics;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/** One real Kafka broker (KRaft, in this JVM) per test JVM, with the suite's topics created. */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;
    private static String bootstrapServers;

    private TestKafka() {
    }

    private static final String BOOTSTRAP_PROPERTY = "hotline.test.kafka.bootstrap";

    /**
     * Starts the broker on first call; returns its bootstrap servers ({@code host:port}). The address is kept
     * in a system property so a copy of this class in another class loader finds the same broker.
     */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null && System.getProperty(BOOTSTRAP_PROPERTY) != null) {
            bootstrapServers = System.getProperty(BOOTSTRAP_PROPERTY);
        }
        if (bootstrapServers == null) {
            broker = new EmbeddedKafkaBroker()
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(TestKafka::tune)
                    .start();
            bootstrapServers = broker.getAdvertisedListeners().replaceAll("[A-Z_]+://", "");
            createTopics(bootstrapServers);
            System.setProperty(BOOTSTRAP_PROPERTY, bootstrapServers);
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::stop, "test-kafka-stop"));
        }
        return bootstrapServers;
    }

    /** Stops the broker (a test of broker loss); {@link #bootstrapServers()} does not restart it. */
    public static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    private static void tune(Properties properties) {
        properties.put("auto.create.topics.enable", "false");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("offsets.topic.num.partitions", "3");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
    }

    static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Topics.DEFAULT_PARTITIONS, (short) 1));
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the suite's topics on the test broker", e);
        }
    }
}
