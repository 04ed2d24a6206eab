package cn.hotline.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.events.payload.TicketAwaitingFollowUp;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.mapping.TextMasking;
import cn.hotline.intake.repository.HotwordSurgeRepository;
import cn.hotline.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Builds this service's event payloads (phone numbers masked) and appends them to the outbox. */
@ApplicationScoped
public class TicketEvents {

    private static final int SUMMARY_LENGTH = 200;

    private final OutboxWriter outbox;
    private final CategoryService categories;
    private final HotwordSurgeRepository surgeLog;

    public TicketEvents(OutboxWriter outbox, CategoryService categories, HotwordSurgeRepository surgeLog) {
        this.surgeLog = surgeLog;
        this.outbox = outbox;
        this.categories = categories;
    }

    public Uni<Void> created(Ticket t) {
        String summary = TextMasking.mask(t.content.length() > SUMMARY_LENGTH ? t.content.substring(0, SUMMARY_LENGTH) : t.content);
        TicketCreated payload = new TicketCreated(TicketCreated.SCHEMA_VERSION, t.id.toString(), t.number,
                t.channel.name(), t.kind.name(), t.urgency.name(), t.categoryCode,
                categories.get(t.categoryCode).map(c -> c.name()).orElse(null), summary, t.territory().toRef(),
                t.lat, t.lon, TextMasking.mask(t.address), t.flagList(), t.callerPhoneMasked, t.occurredAt, t.receivedAt);
        // Deterministic id: one ticket.created per ticket, whatever happens.
        return outbox.append("intake:" + t.id + ":created", EventTypes.TICKET_CREATED, t.id.toString(), payload).replaceWithVoid();
    }

    /** The lead unit completed (status now AWAITING_FOLLOWUP): one event per dispatch completion. */
    public Uni<Void> awaitingFollowUp(Ticket t, String dispatchId, Instant completedAt) {
        TicketAwaitingFollowUp payload = new TicketAwaitingFollowUp(TicketAwaitingFollowUp.SCHEMA_VERSION, t.id.toString(),
                t.number, t.urgency.name(), t.kind.name(), t.categoryCode, t.territory().toRef(), dispatchId, completedAt);
        return outbox.append(EventTypes.TICKET_AWAITING_FOLLOW_UP, t.id.toString(), payload).replaceWithVoid();
    }

    public Uni<Void> alert(String type, UUID ticketId, Object payload) {
        return outbox.append(type, ticketId.toString(), payload).replaceWithVoid();
    }

    public Uni<Void> surges(List<HotwordSurgeAlert> surges) {
        return Multi.createFrom().iterable(surges)
                .onItem().transformToUniAndConcatenate(a -> outbox.append(EventTypes.ALERT_HOTWORD_SURGE, a.ticketId(), a)
                        .chain(() -> surgeLog.record(a)))
                .collect().asList().replaceWithVoid();
    }

    public Uni<Void> emit(String type, UUID ticketId, Object payload) {
        return outbox.append(type, ticketId.toString(), payload).replaceWithVoid();
    }
}
