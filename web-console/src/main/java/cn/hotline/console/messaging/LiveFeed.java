package cn.hotline.console.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;

/**
 * Every ticket, dispatch and SLA event as a small change notice (type and ticket id, nothing personal) for the
 * browsers' live streams; the console's own consumer group reads from the newest offset and commits nothing it needs.
 */
@ApplicationScoped
public class LiveFeed {

    /** What changed. */
    public record Change(String type, String ticketId, long at) {
    }

    // Three Kafka channels publish from their own threads: the processor serializes them.
    private final SerializedProcessor<Change, Change> source = BroadcastProcessor.<Change>create().serialized();
    private final Clock clock;

    public LiveFeed(Clock clock) {
        this.clock = clock;
    }

    /** The changes from now on; a browser that cannot keep up misses some (its rows are re-fetched anyway). */
    public Multi<Change> changes() {
        return Multi.createFrom().publisher(source).onOverflow().drop();
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
        source.onNext(new Change(type == null ? "unknown" : new String(type.value(), StandardCharsets.UTF_8),
                record.key(), clock.millis()));
    }
}
