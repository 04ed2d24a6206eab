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

    /** Records the ticket, its current dispatch, unit, handler and place from a dispatch event. */
    public Uni<Void> remember(DispatchEvent e) {
        if (e.ticketId() == null) {
            return Uni.createFrom().voidItem();
        }
        return contexts.findById(e.ticketId()).flatMap(found -> {
            TicketContext c = found != null ? found : new TicketContext();
            // An event of an older dispatch (e.g. the end of a reassigned one) must not overwrite the current one.
            boolean current = c.dispatchId == null || c.dispatchId.equals(e.dispatchId()) || "ASSIGNED".equals(e.state());
            c.ticketId = e.ticketId();
            c.ticketNumber = e.ticketNumber() != null ? e.ticketNumber() : c.ticketNumber;
            if (current) {
                c.dispatchId = e.dispatchId();
                c.unitCode = e.lead() != null ? e.lead().unitCode() : c.unitCode;
                c.unitName = e.lead() != null ? e.lead().unitName() : c.unitName;
                c.handlerId = e.handlerId() != null ? e.handlerId() : c.handlerId;
                c.state = e.state();
            }
            c.categoryCode = e.categoryCode() != null ? e.categoryCode() : c.categoryCode;
            c.address = e.address() != null ? e.address() : c.address;
            c.countyCode = e.territory() != null && e.territory().countyCode() != null ? e.territory().countyCode() : c.countyCode;
            c.townCode = e.territory() != null && e.territory().townCode() != null ? e.territory().townCode() : c.townCode;
            c.caseLeaderId = e.caseLeaderId() != null ? e.caseLeaderId() : c.caseLeaderId;
            c.urgency = e.urgency() != null ? e.urgency() : c.urgency;
            c.updatedAt = clock.instant();
            return found != null ? Uni.createFrom().voidItem() : contexts.persist(c).replaceWithVoid();
        });
    }
}
