package cn.hotline.sla.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import cn.hotline.events.EventTypes;
import cn.hotline.sla.service.SlaEventEffects;
import cn.hotline.support.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** Starts and stops stage timers on {@code dispatch.*} events. */
@ApplicationScoped
public class DispatchConsumer {

    static final String NAME = "sla-dispatches";
    /** Every dispatch event may start or stop a stage. */
    static final Set<String> TYPES = EventTypes.withPrefix("dispatch.");

    private final IdempotentConsumer idempotent;
    private final SlaEventEffects effects;

    public DispatchConsumer(IdempotentConsumer idempotent, SlaEventEffects effects) {
        this.idempotent = idempotent;
        this.effects = effects;
    }

    @Incoming("dispatches")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return idempotent.handleBatch(NAME, records, TYPES, effects::onDispatch);
    }
}
