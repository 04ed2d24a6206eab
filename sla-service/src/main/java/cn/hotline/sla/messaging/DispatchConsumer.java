package cn.hotline.sla.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import cn.hotline.sla.service.SlaEventEffects;
import cn.hotline.support.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** Starts and stops stage timers on {@code dispatch.*} events. */
@ApplicationScoped
public class DispatchConsumer {

    static final String NAME = "sla-dispatches";

    private final IdempotentConsumer idempotent;
    private final SlaEventEffects effects;

    public DispatchConsumer(IdempotentConsumer idempotent, SlaEventEffects effects) {
        this.idempotent = idempotent;
        this.effects = effects;
    }

    @Incoming("dispatches")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return idempotent.handle(NAME, record, effects::onDispatch);
    }
}
