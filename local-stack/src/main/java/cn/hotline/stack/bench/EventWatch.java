package cn.hotline.stack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;

/** Reads ticket.created, dispatch.assigned and dispatch.queued as they are written (no consumer group, from the end). */
final class EventWatch implements AutoCloseable {

    /** What the watch reports: the event type, the ticket id (the record key) and the record's timestamp. */
    interface Listener {
        void seen(String type, String ticketId, long timestampMs);
    }

    private final AtomicBoolean on = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    EventWatch(String bootstrap, Listener listener) {
        threads.add(start(bootstrap, Topics.TICKETS, List.of(EventTypes.TICKET_CREATED), listener));
        threads.add(start(bootstrap, Topics.DISPATCHES, List.of(EventTypes.DISPATCH_ASSIGNED, EventTypes.DISPATCH_QUEUED), listener));
    }

    private Thread start(String bootstrap, String topic, List<String> types, Listener listener) {
        KafkaConsumer<String, byte[]> consumer = RawConsumers.open(bootstrap,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<TopicPartition> partitions = RawConsumers.assignAll(consumer, topic);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (on.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        Header header = record.headers().lastHeader("ce_type");
                        if (header != null && record.key() != null) {
                            String type = new String(header.value(), StandardCharsets.UTF_8);
                            if (types.contains(type)) {
                                listener.seen(type, record.key(), record.timestamp());
                            }
                        }
                    }
                }
            }
        }, "bench-watch-" + topic);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() throws InterruptedException {
        on.set(false);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}
