package cn.hotline.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents Kafka protocol binding, binary content mode: attributes as {@code ce_*} headers, data as value. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** The headers that carry {@code event}'s attributes. */
    public static Headers toHeaders(CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, SPEC_VERSION, CloudEvent.SPEC_VERSION);
        put(headers, ID, event.id());
        put(headers, SOURCE, event.source());
        put(headers, TYPE, event.type());
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
        put(headers, TIME, event.time().toString());
        put(headers, CONTENT_TYPE, CloudEvent.DATA_CONTENT_TYPE);
        return headers;
    }

    /** Reads a binary-mode CloudEvent back from a record's headers and value. */
    public static CloudEvent fromRecord(Headers headers, byte[] value) {
        String specVersion = get(headers, SPEC_VERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        String id = required(headers, ID);
        String time = required(headers, TIME);
        if (value == null) {
            throw new InvalidEventException("event " + id + " has no data");
        }
        try {
            return new CloudEvent(id, required(headers, SOURCE), required(headers, TYPE), get(headers, SUBJECT),
                    Instant.parse(time), value);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("event " + id + " has a ce_time that is not RFC 3339: " + time, e);
        }
    }

    private static String required(Headers headers, String name) {
        String value = get(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("CloudEvent header " + name + " is missing");
        }
        return value;
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
