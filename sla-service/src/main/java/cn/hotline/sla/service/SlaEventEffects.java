package cn.hotline.sla.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.TicketClosed;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.events.payload.TicketMerged;
import cn.hotline.events.payload.TicketReopened;
import cn.hotline.sla.domain.SlaDuration;
import cn.hotline.sla.domain.TicketFact;
import cn.hotline.sla.domain.TicketProfile;
import cn.hotline.sla.domain.TimerContext;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.repository.EndedTicketRepository;
import cn.hotline.support.problem.Swallowed;
import io.smallrye.mutiny.Uni;

/** What each consumed {@code dispatch.*} and {@code ticket.*} event does to timers and KPI facts. */
@ApplicationScoped
public class SlaEventEffects {

    private static final Logger LOG = Logger.getLogger(SlaEventEffects.class);

    private final ReferenceData reference;
    private final PolicyService policies;
    private final TimerService timers;
    private final TimerAdjustments adjustments;
    private final KpiRecorder kpis;
    private final EndedTicketRepository ended;

    public SlaEventEffects(ReferenceData reference, PolicyService policies, TimerService timers,
            TimerAdjustments adjustments, KpiRecorder kpis, EndedTicketRepository ended) {
        this.reference = reference;
        this.policies = policies;
        this.timers = timers;
        this.adjustments = adjustments;
        this.kpis = kpis;
        this.ended = ended;
    }

    public Uni<Void> onDispatch(CloudEvent event) {
        DispatchEvent dispatch = EventCodec.decode(event, DispatchEvent.class);
        Instant at = dispatch.actionAt() != null ? dispatch.actionAt() : event.time();
        String type = event.type();
        // Read once, when first needed: what this event stops and what it starts come from the same timers.
        Uni<TicketTimers> known = timers.timersOf(dispatch.ticketId(), dispatch.dispatchId());
        Uni<Void> effect = switch (type) {
            case EventTypes.DISPATCH_SIGNED, EventTypes.DISPATCH_ARRIVED, EventTypes.DISPATCH_HANDLED,
                    EventTypes.DISPATCH_COMPLETED -> timers.stop(type, dispatch.dispatchId(), at, known)
                    .flatMap(met -> kpis.progressed(dispatch, type, at));
            // The unit handed the dispatch back: its stage timers stop; the dispatcher's review clock starts below.
            case EventTypes.DISPATCH_RETURNED -> timers.cancel(dispatch.ticketId(), dispatch.dispatchId())
                    .flatMap(cancelled -> kpis.progressed(dispatch, type, at));
            case EventTypes.DISPATCH_REASSIGNED -> (dispatch.previousDispatchId() == null ? Uni.createFrom().voidItem()
                    : timers.cancel(dispatch.ticketId(), dispatch.previousDispatchId()).replaceWithVoid())
                    .flatMap(ok -> stopDesk(type, dispatch, at, known));
            case EventTypes.DISPATCH_CANCELLED -> timers.cancel(dispatch.ticketId(), dispatch.dispatchId()).replaceWithVoid();
            case EventTypes.DISPATCH_ASSIST_SIGNED, EventTypes.DISPATCH_ASSIST_REPORTED ->
                    timers.stopAssisting(type, dispatch.dispatchId(), dispatch.actingUnitCode(), at).replaceWithVoid();
            case EventTypes.DISPATCH_ASSIST_RELEASED ->
                    timers.cancelAssisting(dispatch.dispatchId(), dispatch.actingUnitCode()).replaceWithVoid();
            case EventTypes.DISPATCH_EXTENSION_DECIDED -> extend(dispatch);
            default -> stopDesk(type, dispatch, at, known);
        };
        return effect.flatMap(ok -> startStages(type, dispatch, at, known));
    }

    /** Stages stopped by a placement (QUEUE, RETURN_REVIEW stop on dispatch.assigned / dispatch.reassigned). */
    private Uni<Void> stopDesk(String type, DispatchEvent dispatch, Instant at, Uni<TicketTimers> known) {
        // Most events stop nothing: no timer query for them on the path every ticket takes.
        if (!policies.anyStageStopsOn(type)) {
            return Uni.createFrom().voidItem();
        }
        return timers.stop(type, dispatch.dispatchId(), at, known).replaceWithVoid();
    }

    public Uni<Void> onTicket(CloudEvent event) {
        return switch (event.type()) {
            case EventTypes.TICKET_CREATED -> kpis.created(EventCodec.decode(event, TicketCreated.class));
            case EventTypes.TICKET_MERGED -> end(EventCodec.decode(event, TicketMerged.class).ticketId(), "MERGED", event);
            case EventTypes.TICKET_CLOSED -> {
                TicketClosed closed = EventCodec.decode(event, TicketClosed.class);
                yield timers.cancel(closed.ticketId(), null).flatMap(cancelled -> kpis.closed(closed));
            }
            case EventTypes.TICKET_TRANSFERRED_OUT -> end(event.subject(), "TRANSFERRED_OUT", event);
            case EventTypes.TICKET_REOPENED -> reopened(EventCodec.decode(event, TicketReopened.class), event);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> end(String ticketId, String reason, CloudEvent event) {
        return ended.mark(ticketId, reason, event.time()).flatMap(ok -> timers.cancel(ticketId, null)).replaceWithVoid();
    }

    private Uni<Void> extend(DispatchEvent dispatch) {
        if (!Boolean.TRUE.equals(dispatch.extensionApproved()) || dispatch.extensionDuration() == null) {
            return Uni.createFrom().voidItem();
        }
        SlaDuration extension;
        try {
            extension = SlaDuration.parse(dispatch.extensionDuration());
        } catch (IllegalArgumentException e) {
            Swallowed.warn(LOG, "sla.extension.unreadable", new IllegalArgumentException("dispatch " + dispatch.dispatchId()
                    + ": extension '" + dispatch.extensionDuration() + "' ignored: " + e.getMessage(), e));
            return Uni.createFrom().voidItem();
        }
        return adjustments.extend(dispatch.ticketId(), extension)
                .flatMap(extended -> kpis.deadlineMoved(dispatch.ticketId(), extended));
    }

    private Uni<Void> startStages(String type, DispatchEvent dispatch, Instant at, Uni<TicketTimers> known) {
        return ended.isEnded(dispatch.ticketId()).flatMap(isEnded -> {
            if (isEnded) {
                LOG.debugf("ticket %s has ended; %s starts no timer", dispatch.ticketId(), type);
                return Uni.createFrom().voidItem();
            }
            return startLiveStages(type, dispatch, at, known);
        });
    }

    private Uni<Void> startLiveStages(String type, DispatchEvent dispatch, Instant at, Uni<TicketTimers> known) {
        return reference.ensureLoaded().flatMap(ok -> kpis.ticket(dispatch.ticketId())).flatMap(fact -> {
            TicketProfile profile = new TicketProfile(first(dispatch.urgency(), fact == null ? null : fact.urgency),
                    first(dispatch.kind(), fact == null ? null : fact.kind),
                    first(dispatch.categoryCode(), fact == null ? null : fact.categoryCode),
                    first(dispatch.channel(), fact == null ? null : fact.channel), flags(fact));
            TimerContext context = new TimerContext(dispatch.ticketId(),
                    first(dispatch.ticketNumber(), fact == null ? null : fact.ticketNumber), dispatch.dispatchId(),
                    dispatch.lead() == null ? dispatch.actingUnitCode() : dispatch.lead().unitCode(), dispatch.handlerId(),
                    dispatch.territory() == null ? null : dispatch.territory().countyCode(),
                    dispatch.territory() == null ? null : dispatch.territory().townCode(), profile.urgency());
            return policies.select(profile, type).map(policy -> timers.start(policy, type, context, at, known)
                            .call(started -> EventTypes.DISPATCH_ASSIGNED.equals(type)
                                    ? startAssisting(policy, dispatch, context, at, known) : Uni.createFrom().voidItem()))
                    .orElse(Uni.createFrom().item(List.of()))
                    .flatMap(started -> EventTypes.DISPATCH_ASSIGNED.equals(type)
                            ? kpis.assigned(dispatch, started, at) : Uni.createFrom().voidItem());
        });
    }

    /** Each assisting unit still owing its part gets its own timers (the lead's context, the unit's code). */
    private Uni<Void> startAssisting(cn.hotline.sla.domain.Policy policy, DispatchEvent dispatch, TimerContext lead,
            Instant at, Uni<TicketTimers> known) {
        List<String> units = dispatch.assisting() == null ? List.of()
                : dispatch.assisting().stream().map(u -> u.unitCode()).distinct().toList();
        return io.smallrye.mutiny.Multi.createFrom().iterable(units).onItem()
                .transformToUniAndConcatenate(unit -> timers.startAssisting(policy, new TimerContext(lead.ticketId(),
                        lead.ticketNumber(), lead.dispatchId(), unit, null, lead.countyCode(), lead.townCode(),
                        lead.urgency()), at, known))
                .collect().asList().replaceWithVoid();
    }

    private Uni<Void> reopened(TicketReopened reopened, CloudEvent event) {
        Instant at = reopened.reopenedAt() != null ? reopened.reopenedAt() : event.time();
        return kpis.reopened(reopened).flatMap(ok -> reference.ensureLoaded()).flatMap(ok -> kpis.ticket(reopened.ticketId()))
                .flatMap(fact -> {
                    TicketProfile profile = new TicketProfile(reopened.urgency(), reopened.kind(), reopened.categoryCode(),
                            fact == null ? null : fact.channel, flags(fact));
                    TimerContext context = new TimerContext(reopened.ticketId(), reopened.number(), null,
                            fact == null ? null : fact.unitCode, null,
                            reopened.territory() == null ? null : reopened.territory().countyCode(),
                            reopened.territory() == null ? null : reopened.territory().townCode(), reopened.urgency());
                    return policies.select(profile, EventTypes.TICKET_REOPENED)
                            .map(policy -> timers.start(policy, EventTypes.TICKET_REOPENED, context, at))
                            .orElse(Uni.createFrom().item(List.<TimerEntity>of())).replaceWithVoid();
                });
    }

    private static List<String> flags(TicketFact fact) {
        return fact == null || fact.flags == null || fact.flags.isBlank() ? List.of() : Arrays.asList(fact.flags.split(","));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
