package cn.hotline.notify.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.notify.domain.TicketContext;
import cn.hotline.notify.repository.TicketContextRepository;
import io.smallrye.mutiny.Uni;

/** What notify knows of a ticket for its SMS texts and recipients, kept from dispatch events (inside the consumer's transaction). */
@ApplicationScoped
public class TicketContextService {

    private final TicketContextRepository contexts;
    private final Clock clock;

    public TicketContextService(TicketContextRepository contexts, Clock clock) {
        this.contexts = contexts;
        this.clock = clock;
    }

    /** Records the ticket, its current dispatch, unit, handler and place from a dispatch event (one upsert). */
    public Uni<Void> remember(DispatchEvent e) {
        if (e.ticketId() == null) {
            return Uni.createFrom().voidItem();
        }
        TicketContext c = new TicketContext();
        c.ticketId = e.ticketId();
        c.ticketNumber = e.ticketNumber();
        c.dispatchId = e.dispatchId();
        c.unitCode = e.lead() != null ? e.lead().unitCode() : null;
        c.unitName = e.lead() != null ? e.lead().unitName() : null;
        c.handlerId = e.handlerId();
        c.state = e.state();
        c.categoryCode = e.categoryCode();
        c.address = e.address();
        c.countyCode = e.territory() != null ? e.territory().countyCode() : null;
        c.townCode = e.territory() != null ? e.territory().townCode() : null;
        c.caseLeaderId = e.caseLeaderId();
        c.urgency = e.urgency();
        c.updatedAt = clock.instant();
        return contexts.remember(c);
    }
}
