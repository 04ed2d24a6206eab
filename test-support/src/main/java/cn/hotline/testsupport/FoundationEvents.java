package cn.hotline.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.CloudEventHeaders;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.NotificationEvent;

/** The events {@link ServiceFoundationContract} sends: probe notifications, and a batch as the Kafka consumer would hand it over. */
final class FoundationEvents {

    private FoundationEvents() {
    }

    /** A sent probe notification about {@code ticketId}. */
    static NotificationEvent notification(String ticketId) {
        return new NotificationEvent(NotificationEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), ticketId, "probe",
                "probe-recipient", "138****5678", "PROBE", 0, "none", null, 1, "SENT", null, Instant.now());
    }

    /** A new CloudEvent of {@code type} about {@code ticketId} carrying {@code data} as it is (it may be no JSON at all). */
    static CloudEvent event(String ticketId, String type, byte[] data) {
        return new CloudEvent(UUID.randomUUID().toString(), "/hotline/foundation-test", type, ticketId, Instant.now(), data);
    }

    /** {@code events} as consecutive records of one partition of the notifications topic. */
    static ConsumerRecords<String, byte[]> batch(CloudEvent... events) {
        TopicPartition partition = new TopicPartition(Topics.NOTIFICATIONS, 0);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (CloudEvent event : events) {
            records.add(new ConsumerRecord<>(partition.topic(), 0, records.size(), 0L, TimestampType.CREATE_TIME, 0,
                    event.data().length, event.subject(), event.data(), CloudEventHeaders.toHeaders(event), Optional.empty()));
        }
        return new ConsumerRecords<>(Map.of(partition, records));
    }
}
