package cn.hotline.console.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Every ticket, dispatch and SLA event as a small change notice (type and ticket id, nothing personal) for the
 * browsers' live streams; the console's own consumer group reads from the newest offset and commits nothing it needs.
 */
@ApplicationScoped
public class LiveFeed {

    /** What changed. */
    public record Change(String type, String ticketId, long at) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final Clock clock;

    public LiveFeed(Clock clock) {
        this.clock = clock;
    }

    public Multi<Change> changes() {
        return changes;
    }

    @Incoming("live-tickets")
    public void ticket(ConsumerRecord<String, byte[]> record) {
        publish(record);
    }

    @Incoming("live-dispatches")
    public void dispatch(ConsumerRecord<String, byte[]> record) {
        publish(record);
    }

    @Incoming("live-sla")
    public void sla(ConsumerRecord<String, byte[]> record) {
        publish(record);
    }

    private void publish(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        changes.onNext(new Change(type == null ? "unknown" : new String(type.value(), StandardCharsets.UTF_8),
                record.key(), clock.millis()));
    }
}
