package cn.hotline.notify.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.CategoriesChanged;
import cn.hotline.events.payload.TicketAwaitingFollowUp;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.notify.domain.CitizenMessageKind;
import cn.hotline.notify.service.CitizenMessages;
import cn.hotline.support.inbox.IdempotentConsumer;
import cn.hotline.support.reference.CategoryCopy;
import io.smallrye.mutiny.Uni;

/**
 * Consumes ticket.* (idempotent consumer {@code notify-tickets}) for the citizen's SMS: ticket.created with a caller
 * phone → the acknowledgement; ticket.awaiting-follow-up → the completion SMS with the survey; category.changed →
 * notify's copy of intake's category catalogue (the names its SMS use).
 */
@ApplicationScoped
public class TicketConsumer {

    static final String CONSUMER = "notify-tickets";
    static final Set<String> TYPES = Set.of(EventTypes.TICKET_CREATED, EventTypes.TICKET_AWAITING_FOLLOW_UP,
            EventTypes.CATEGORY_CHANGED);

    private final IdempotentConsumer idempotent;
    private final CitizenMessages citizens;
    private final CategoryCopy categories;

    public TicketConsumer(IdempotentConsumer idempotent, CitizenMessages citizens, CategoryCopy categories) {
        this.idempotent = idempotent;
        this.citizens = citizens;
        this.categories = categories;
    }

    @Incoming("tickets")
    public Uni<Void> tickets(ConsumerRecords<String, byte[]> records) {
        return idempotent.handleBatch(CONSUMER, records, TYPES, this::apply);
    }

    private Uni<Void> apply(CloudEvent event) {
        return switch (event.type()) {
            case EventTypes.TICKET_CREATED -> {
                TicketCreated t = EventCodec.decode(event, TicketCreated.class);
                // The event carries only the masked phone: its presence says there is someone to text.
                yield t.callerPhoneMasked() == null ? Uni.createFrom().voidItem()
                        : citizens.enqueue(t.ticketId(), t.number(), null, CitizenMessageKind.ACK);
            }
            case EventTypes.TICKET_AWAITING_FOLLOW_UP -> {
                TicketAwaitingFollowUp t = EventCodec.decode(event, TicketAwaitingFollowUp.class);
                yield citizens.enqueue(t.ticketId(), t.number(), t.dispatchId(), CitizenMessageKind.COMPLETED);
            }
            case EventTypes.CATEGORY_CHANGED -> categories.apply(EventCodec.decode(event, CategoriesChanged.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
