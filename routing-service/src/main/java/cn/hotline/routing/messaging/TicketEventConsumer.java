package cn.hotline.routing.messaging;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.CategoriesChanged;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.events.payload.TicketMerged;
import cn.hotline.events.payload.TicketReopened;
import cn.hotline.events.payload.TicketTransferredOut;
import cn.hotline.routing.service.DispatchService;
import cn.hotline.routing.service.RoutingIndex;
import cn.hotline.routing.service.TerritoryQuery;
import cn.hotline.routing.service.TicketFacts;
import cn.hotline.support.inbox.IdempotentConsumer;
import cn.hotline.support.reference.CategoryCopy;
import cn.hotline.support.vertx.CallerContext;
import io.smallrye.mutiny.Uni;


/**
 * Dispatches tickets: ticket.created / ticket.reopened → a dispatch; ticket.merged / transferred-out → cancelled;
 * category.changed → routing's copy of intake's category catalogue.
 */
@ApplicationScoped
public class TicketEventConsumer {

    static final String CONSUMER = "routing-tickets";
    static final Set<String> TYPES = Set.of(EventTypes.TICKET_CREATED, EventTypes.TICKET_REOPENED, EventTypes.TICKET_MERGED,
            EventTypes.TICKET_TRANSFERRED_OUT, EventTypes.CATEGORY_CHANGED);

    private final IdempotentConsumer idempotent;
    private final DispatchService dispatches;
    private final RoutingIndex index;
    private final CategoryCopy categories;

    public TicketEventConsumer(IdempotentConsumer idempotent, DispatchService dispatches, RoutingIndex index,
            CategoryCopy categories) {
        this.idempotent = idempotent;
        this.dispatches = dispatches;
        this.index = index;
        this.categories = categories;
    }

    @Incoming("tickets")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        if (index.isReady()) {
            return handle(records);
        }
        // Messaging starts before the index is loaded and seeded; deciding now would send everything to MANUAL.
        return CallerContext.stage(index::ready).chain(() -> handle(records));
    }

    private Uni<Void> handle(ConsumerRecords<String, byte[]> records) {
        return idempotent.handleBatch(CONSUMER, records, TYPES, event -> switch (event.type()) {
            case EventTypes.TICKET_CREATED -> created(event);
            case EventTypes.TICKET_REOPENED -> reopened(event);
            case EventTypes.TICKET_MERGED -> merged(event);
            case EventTypes.TICKET_TRANSFERRED_OUT -> transferredOut(event);
            case EventTypes.CATEGORY_CHANGED -> categories.apply(EventCodec.decode(event, CategoriesChanged.class));
            default -> Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> created(CloudEvent event) {
        TicketCreated t = EventCodec.decode(event, TicketCreated.class);
        TerritoryRef ref = t.territory();
        TerritoryQuery place = new TerritoryQuery(ref == null ? null : ref.countyCode(),
                ref == null ? null : ref.townCode(), ref == null ? null : ref.villageCode(),
                ref == null ? null : ref.resolvedBy(), t.lat(), t.lon(), t.address());
        return dispatches.onCreated(new TicketFacts(t.ticketId(), t.number(), t.channel(), t.kind(), t.urgency(),
                t.categoryCode(), place), event.id());
    }

    private Uni<Void> reopened(CloudEvent event) {
        TicketReopened t = EventCodec.decode(event, TicketReopened.class);
        TerritoryRef ref = t.territory();
        TerritoryQuery place = new TerritoryQuery(ref == null ? null : ref.countyCode(),
                ref == null ? null : ref.townCode(), ref == null ? null : ref.villageCode(),
                ref == null ? null : ref.resolvedBy(), null, null, null);
        return dispatches.onReopened(new TicketFacts(t.ticketId(), t.number(), null, t.kind(), t.urgency(),
                t.categoryCode(), place), event.id());
    }

    private Uni<Void> merged(CloudEvent event) {
        TicketMerged t = EventCodec.decode(event, TicketMerged.class);
        return dispatches.onMerged(t.ticketId(), t.masterNumber() != null ? t.masterNumber() : t.masterTicketId(),
                t.mergedBy());
    }

    private Uni<Void> transferredOut(CloudEvent event) {
        TicketTransferredOut t = EventCodec.decode(event, TicketTransferredOut.class);
        return dispatches.onTransferredOut(t.ticketId(), t.target(), t.transferredBy());
    }
}
