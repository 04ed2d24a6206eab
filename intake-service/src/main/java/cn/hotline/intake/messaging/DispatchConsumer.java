package cn.hotline.intake.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import cn.hotline.events.EventCodec;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.intake.service.DispatchStatusService;
import cn.hotline.support.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** Applies dispatch.* events (exactly once each) to the citizen-visible status and handler visibility. */
@ApplicationScoped
public class DispatchConsumer {

    static final String CONSUMER = "intake-dispatch-status";

    private final IdempotentConsumer idempotent;
    private final DispatchStatusService status;

    public DispatchConsumer(IdempotentConsumer idempotent, DispatchStatusService status) {
        this.idempotent = idempotent;
        this.status = status;
    }

    @Incoming("dispatches")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return idempotent.handleBatch(CONSUMER, records, DispatchStatusService.APPLIED_TYPES,
                event -> status.apply(event.type(), EventCodec.decode(event, DispatchEvent.class)));
    }
}
