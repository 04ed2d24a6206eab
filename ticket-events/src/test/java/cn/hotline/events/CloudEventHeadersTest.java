package cn.hotline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.TicketMerged;

/** CloudEvents binary mode over Kafka headers, the topic of each type, and the payload codec. */
class CloudEventHeadersTest {

    @Test
    void attributesRoundTripThroughHeaders() {
        CloudEvent event = new CloudEvent("e-1", "/hotline/intake-service", EventTypes.TICKET_MERGED, "t-1",
                Instant.parse("2026-11-21T08:00:00Z"), "{}".getBytes(StandardCharsets.UTF_8));
        Headers headers = CloudEventHeaders.toHeaders(event);

        CloudEvent read = CloudEventHeaders.fromRecord(headers, event.data());

        assertThat(read.id()).isEqualTo("e-1");
        assertThat(read.source()).isEqualTo("/hotline/intake-service");
        assertThat(read.type()).isEqualTo(EventTypes.TICKET_MERGED);
        assertThat(read.subject()).isEqualTo("t-1");
        assertThat(read.time()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(new String(headers.lastHeader("ce_specversion").value(), StandardCharsets.UTF_8)).isEqualTo("1.0");
    }

    @Test
    void recordsWithoutTheRequiredAttributesAreRejected() {
        CloudEvent event = new CloudEvent("e-2", "/s", EventTypes.TICKET_CLOSED, "t", Instant.now(), new byte[0]);
        Headers headers = CloudEventHeaders.toHeaders(event);
        headers.remove(CloudEventHeaders.ID);
        assertThatThrownBy(() -> CloudEventHeaders.fromRecord(headers, new byte[0]))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_id");
        Headers plain = new org.apache.kafka.common.header.internals.RecordHeaders();
        assertThatThrownBy(() -> CloudEventHeaders.fromRecord(plain, new byte[0]))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("CloudEvents 1.0");
    }

    @Test
    void everyTypeHasItsTopic() {
        for (String type : EventTypes.ALL) {
            assertThat(Topics.ALL).contains(Topics.forType(type));
        }
        assertThat(Topics.forType(EventTypes.DISPATCH_EXTENSION_DECIDED)).isEqualTo(Topics.DISPATCHES);
        assertThat(Topics.forType(EventTypes.ALERT_HOTWORD_SURGE)).isEqualTo(Topics.ALERTS);
        assertThatThrownBy(() -> Topics.forType("police.dispatched")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payloadsEncodeInstantsAsIsoAndTolerateNewFields() {
        TicketMerged merged = new TicketMerged(TicketMerged.SCHEMA_VERSION, "t-2", "HZ20261121000002", "t-1",
                "HZ20261121000001", "op-1", Instant.parse("2026-11-21T08:00:00Z"));
        String json = new String(EventCodec.encode(merged), StandardCharsets.UTF_8);
        assertThat(json).contains("\"mergedAt\":\"2026-11-21T08:00:00Z\"").contains("\"schemaVersion\":1");

        String newer = json.replace("{", "{\"addedLater\":true,");
        assertThat(EventCodec.decode(newer.getBytes(StandardCharsets.UTF_8), TicketMerged.class)).isEqualTo(merged);
        assertThat(new TerritoryRef("330523", null, null, "POLYGON").townCode()).isNull();
    }
}
