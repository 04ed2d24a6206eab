package cn.hotline.stack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Counts, from a whole topic, the distinct events of one type per record key (a ticket); a record re-published
 * with the same CloudEvent id is one event, counted in {@link #republished()}.
 */
final class EventCount {

    private final Map<String, Long> perKey = new HashMap<>();
    private long republished;

    private EventCount() {
    }

    /** Reads {@code topic} from its beginning to its current end and counts {@code type} events keyed by one of {@code keys}. */
    static EventCount read(String bootstrap, String topic, String type, Set<String> keys) {
        EventCount count = new EventCount();
        Map<String, Set<String>> events = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = RawConsumers.open(bootstrap,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"))) {
            List<TopicPartition> partitions = RawConsumers.assignAll(consumer, topic);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    Header ceType = record.headers().lastHeader("ce_type");
                    Header ceId = record.headers().lastHeader("ce_id");
                    if (ceType != null && ceId != null && keys.contains(record.key())
                            && type.equals(new String(ceType.value(), StandardCharsets.UTF_8))) {
                        // A re-published record carries the same CloudEvent id; a second event would carry a new one.
                        if (!events.computeIfAbsent(record.key(), k -> new HashSet<>())
                                .add(new String(ceId.value(), StandardCharsets.UTF_8))) {
                            count.republished++;
                        }
                    }
                }
            }
        }
        events.forEach((key, ids) -> count.perKey.put(key, (long) ids.size()));
        return count;
    }

    /** Distinct events per key; a key with none is absent. */
    Map<String, Long> perKey() {
        return perKey;
    }

    long republished() {
        return republished;
    }
}
