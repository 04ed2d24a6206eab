package cn.hotline.notify.service;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.events.payload.RepeatComplainantAlert;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.notify.domain.TicketContext;
import cn.hotline.notify.domain.Trigger;
import cn.hotline.notify.domain.TriggerContext;
import cn.hotline.notify.repository.TicketContextRepository;
import io.smallrye.mutiny.Uni;

/** Maps consumed events to ticket context updates, escalation triggers and stops (inside the consumer's transaction). */
@ApplicationScoped
public class EventTriggers {

    private static final String SIGN = "SIGN";

    private final EscalationService escalation;
    private final TicketContextRepository contexts;
    private final Clock clock;

    public EventTriggers(EscalationService escalation, TicketContextRepository contexts, Clock clock) {
        this.escalation = escalation;
        this.contexts = contexts;
        this.clock = clock;
    }

    public Uni<Void> onDispatch(String type, DispatchEvent e, CloudEvent event) {
        Uni<Void> remembered = remember(e);
        List<String> scopes = Arrays.asList(e.dispatchId(), e.ticketId());
        return switch (type) {
            case EventTypes.DISPATCH_ASSIGNED -> remembered
                    .chain(() -> escalation.reopen(e.dispatchId(), e.ticketId()))
                    .chain(() -> escalation.trigger(new TriggerContext(e.ticketId(), e.ticketNumber(), e.dispatchId(),
                            "URGENT".equalsIgnoreCase(e.urgency()) ? "URGENT" : "NORMAL", SIGN, Trigger.DISPATCHED, null,
                            null, e.lead() == null ? null : e.lead().unitCode(), e.handlerId(), e.urgency(), null, null,
                            e.territory() == null ? null : e.territory().countyCode(), null, null, null,
                            e.actionAt() != null ? e.actionAt() : event.time())));
            // PETITION and REPEAT_SUPERVISION call the signed-stopped stage ACCEPT (sla-service's policies.yaml).
            case EventTypes.DISPATCH_SIGNED -> remembered.chain(() -> escalation.stop(scopes, SIGN, "SIGNED"))
                    .chain(() -> escalation.stop(scopes, "ACCEPT", "SIGNED"));
            case EventTypes.DISPATCH_ARRIVED -> remembered.chain(() -> escalation.stop(scopes, "ARRIVE", "ARRIVED"));
            case EventTypes.DISPATCH_HANDLED -> remembered.chain(() -> escalation.stop(scopes, "HANDLE", "HANDLED"));
            case EventTypes.DISPATCH_COMPLETED -> remembered.chain(() -> escalation.stop(scopes, "*", "COMPLETED"));
            case EventTypes.DISPATCH_REASSIGNED -> remembered
                    .chain(() -> escalation.stop(Arrays.asList(e.previousDispatchId()), "*", "REASSIGNED"));
            default -> remembered;
        };
    }

    public Uni<Void> onSla(String type, SlaEvent e) {
        Trigger trigger = switch (type) {
            case EventTypes.SLA_WARNING -> Trigger.WARNING;
            case EventTypes.SLA_BREACHED -> Trigger.BREACHED;
            case EventTypes.SLA_OVERDUE_REMINDER -> Trigger.OVERDUE_REMINDER;
            default -> null;
        };
        if (EventTypes.SLA_STAGE_MET.equals(type)) {
            return escalation.stop(Arrays.asList(e.dispatchId(), e.ticketId()), e.stage(), "STAGE_MET");
        }
        if (trigger == null) {
            return Uni.createFrom().voidItem();
        }
        return escalation.trigger(new TriggerContext(e.ticketId(), e.ticketNumber(), e.dispatchId(), e.policyCode(),
                e.stage(), trigger, trigger == Trigger.WARNING ? e.thresholdPercent() : null,
                trigger == Trigger.OVERDUE_REMINDER ? e.sequence() : null, e.unitCode(), e.handlerId(), e.urgency(),
                e.deadline(), e.remaining(), null, null, null, null,
                e.firedAt() != null ? e.firedAt() : clock.instant()));
    }

    public Uni<Void> onRepeatComplainant(RepeatComplainantAlert a) {
        return escalation.trigger(new TriggerContext(a.ticketId(), a.number(), null, "ALERT", "REPEAT_COMPLAINANT",
                Trigger.ALERT, null, null, null, null, null, null, null,
                a.territory() == null ? null : a.territory().countyCode(), null, (long) a.ticketCount(), a.windowDays(),
                a.raisedAt() != null ? a.raisedAt() : clock.instant()));
    }

    public Uni<Void> onHotwordSurge(HotwordSurgeAlert a) {
        String ticketId = a.ticketId() != null ? a.ticketId() : "hotword:" + a.townCode() + ":" + a.keyword() + ":" + a.windowStart();
        return escalation.trigger(new TriggerContext(ticketId, null, null, "ALERT", "HOTWORD_SURGE", Trigger.ALERT,
                null, null, null, null, null, null, null, a.townCode() != null ? a.townCode() : a.countyCode(),
                a.keyword() != null ? a.keyword() : a.categoryCode(), a.count(), null,
                a.raisedAt() != null ? a.raisedAt() : clock.instant()));
    }

    private Uni<Void> remember(DispatchEvent e) {
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
            c.caseLeaderId = e.caseLeaderId() != null ? e.caseLeaderId() : c.caseLeaderId;
            c.urgency = e.urgency() != null ? e.urgency() : c.urgency;
            c.updatedAt = clock.instant();
            return found != null ? Uni.createFrom().voidItem() : contexts.persist(c).replaceWithVoid();
        });
    }
}
