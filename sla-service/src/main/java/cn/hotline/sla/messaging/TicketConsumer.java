package cn.hotline.sla.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import cn.hotline.events.EventTypes;
import cn.hotline.sla.service.SlaEventEffects;
import cn.hotline.support.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** Keeps ticket facts and cancels timers on {@code ticket.*} events (merged, closed, transferred out, reopened). */
@ApplicationScoped
public class TicketConsumer {

    static final String NAME = "sla-tickets";
    static final Set<String> TYPES = Set.of(EventTypes.TICKET_CREATED, EventTypes.TICKET_MERGED, EventTypes.TICKET_CLOSED,
            EventTypes.TICKET_TRANSFERRED_OUT, EventTypes.TICKET_REOPENED);

    private final IdempotentConsumer idempotent;
    private final SlaEventEffects effects;

    public TicketConsumer(IdempotentConsumer idempotent, SlaEventEffects effects) {
        this.idempotent = idempotent;
        this.effects = effects;
    }

    @Incoming("tickets")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return idempotent.handleBatch(NAME, records, TYPES, effects::onTicket);
    }
}
