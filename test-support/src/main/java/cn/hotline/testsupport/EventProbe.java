package cn.hotline.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.CloudEventHeaders;

/**
 * Reads a topic of the real test broker from the moment the probe is opened, and publishes CloudEvents
 * the way a service's relay does; for tests that prove events round-trip through Kafka.
 */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

    private EventProbe(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Starts reading {@code topic} from its current end. */
    public static EventProbe open(String bootstrap, String topic) {
        return new EventProbe(bootstrap, topic);
    }

    /** Every record read so far, as CloudEvents, with the Kafka record key. */
    public synchronized List<ConsumerRecord<String, byte[]>> records() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            records.add(record);
        }
        return List.copyOf(records);
    }

    /** Every event read so far. */
    public List<CloudEvent> events() {
        List<CloudEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records()) {
            events.add(CloudEventHeaders.fromRecord(record.headers(), record.value()));
        }
        return events;
    }

    /** Events of {@code type} matching {@code filter}, read so far. */
    public List<CloudEvent> events(String type, Predicate<CloudEvent> filter) {
        return events().stream().filter(e -> e.type().equals(type)).filter(filter).toList();
    }

    /** Waits (generously) for the first event of {@code type} matching {@code filter}. */
    public CloudEvent await(String type, Predicate<CloudEvent> filter, Duration timeout) {
        List<CloudEvent> found = Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> events(type, filter), list -> !list.isEmpty());
        return found.get(0);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }

    /** Publishes {@code event} in binary mode with key = subject, as a producing service would; waits for the ack. */
    public static void publish(String bootstrap, CloudEvent event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(event.topic(), null, event.subject(), event.data(),
                    CloudEventHeaders.toHeaders(event))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish test event " + event.id(), e);
        }
    }
}
