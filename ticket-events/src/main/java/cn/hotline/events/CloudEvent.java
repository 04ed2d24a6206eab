package cn.hotline.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event as the suite carries it: context attributes plus JSON {@code data}.
 * {@code subject} is the ticket id, which is also the Kafka record key.
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, byte[] data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** The topic this event belongs on. */
    public String topic() {
        return Topics.forType(type);
    }
}
