package cn.hotline.sla.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import cn.hotline.sla.service.SlaEventEffects;
import cn.hotline.support.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** Keeps ticket facts and cancels timers on {@code ticket.*} events (merged, closed, transferred out, reopened). */
@ApplicationScoped
public class TicketConsumer {

    static final String NAME = "sla-tickets";

    private final IdempotentConsumer idempotent;
    private final SlaEventEffects effects;

    public TicketConsumer(IdempotentConsumer idempotent, SlaEventEffects effects) {
        this.idempotent = idempotent;
        this.effects = effects;
    }

    @Incoming("tickets")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return idempotent.handle(NAME, record, effects::onTicket);
    }
}
