package cn.hotline.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.UnitRef;
import cn.hotline.routing.domain.AssistPart;
import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchAction;
import cn.hotline.routing.domain.DispatchActionLog;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.Queue;
import cn.hotline.routing.repository.DispatchActionRepository;
import cn.hotline.routing.repository.DispatchRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Creates dispatches: from ticket events (decided automatically or parked in the MANUAL queue), and as
 * the follow-up of an accepted return (改派). Runs inside the caller's transaction.
 */
@ApplicationScoped
public class DispatchService {

    private static final Logger LOG = Logger.getLogger(DispatchService.class);
    /** {@code reasonCode} of dispatch.cancelled. */
    public static final String CANCELLED_MERGED = "MERGED";
    public static final String CANCELLED_TRANSFERRED_OUT = "TRANSFERRED_OUT";

    private final DispatchRepository dispatches;
    private final DispatchActionRepository actions;
    private final TerritoryResolver resolver;
    private final DecisionEngine engine;
    private final DispatchEvents events;
    private final HandlerAssignment handlers;
    private final Clock clock;

    public DispatchService(DispatchRepository dispatches, DispatchActionRepository actions, TerritoryResolver resolver,
            DecisionEngine engine, DispatchEvents events, HandlerAssignment handlers, Clock clock) {
        this.dispatches = dispatches;
        this.actions = actions;
        this.resolver = resolver;
        this.engine = engine;
        this.events = events;
        this.handlers = handlers;
        this.clock = clock;
    }

    /** The decision for a ticket now, without storing anything. */
    public Decision preview(TicketFacts ticket, Instant at) {
        ResolvedTerritory territory = resolver.resolve(ticket.place());
        return engine.decide(new DecisionEngine.Input(ticket.categoryCode(), ticket.kind(), ticket.urgency(),
                territory, at, Set.of()));
    }

    /** The decision for a ticket at {@code at} with its handler, in a session of its own; nothing is stored. */
    public Uni<Decision> previewWithHandler(TicketFacts ticket, Instant at) {
        return Panache.withSession(() -> handlers.assign(preview(ticket, at), at));
    }

    /** ticket.created: one dispatch per ticket, whatever replays or re-sent events arrive. */
    public Uni<Void> onCreated(TicketFacts ticket, String eventId) {
        return dispatches.existsForTicket(ticket.ticketId()).chain(existing -> {
            if (existing) {
                LOG.infof("ticket %s already has a dispatch; event %s ignored", ticket.ticketId(), eventId);
                return Uni.createFrom().voidItem();
            }
            return create(ticket, eventId, null);
        });
    }

    /** ticket.reopened (重办): a new dispatch unless one is still open. */
    public Uni<Void> onReopened(TicketFacts ticket, String eventId) {
        return dispatches.findOpenByTicket(ticket.ticketId()).chain(open -> {
            if (open != null) {
                LOG.infof("ticket %s reopened while dispatch %s is open; event %s ignored", ticket.ticketId(),
                        open.id, eventId);
                return Uni.createFrom().voidItem();
            }
            return dispatches.findByTicket(ticket.ticketId()).chain(all -> create(ticket, eventId,
                    all.isEmpty() ? null : all.get(all.size() - 1)));
        });
    }

    /** ticket.merged: the duplicate's open dispatch is cancelled, and its unit told (dispatch.cancelled). */
    public Uni<Void> onMerged(String duplicateTicketId, String masterNumber, String actor) {
        return cancelOpen(duplicateTicketId, CANCELLED_MERGED, actor, "merged into " + masterNumber);
    }

    /** ticket.transferred-out: the matter went to 110; the open dispatch is cancelled, and its unit told. */
    public Uni<Void> onTransferredOut(String ticketId, String target, String actor) {
        return cancelOpen(ticketId, CANCELLED_TRANSFERRED_OUT, actor, "transferred out to " + target);
    }

    private Uni<Void> cancelOpen(String ticketId, String reasonCode, String actor, String note) {
        return dispatches.findOpenByTicket(ticketId).chain(open -> {
            if (open == null) {
                return Uni.createFrom().voidItem();
            }
            DispatchState from = open.move(DispatchAction.CANCEL).from();
            Instant now = clock.instant();
            open.updatedAt = now;
            open.explanation = append(open.explanation, "cancelled: " + note);
            String by = actor == null ? Actor.system().personId() : actor;
            return log(open, DispatchAction.CANCEL, by, null, from, reasonCode, note)
                    .chain(() -> events.emit(EventTypes.DISPATCH_CANCELLED, open, detail(by, null, now, reasonCode, note)));
        });
    }

    private Uni<Void> create(TicketFacts ticket, String eventId, Dispatch previous) {
        Instant now = clock.instant();
        Decision decision = preview(ticket, now);
        Dispatch d = new Dispatch();
        d.id = UUID.randomUUID();
        d.ticketId = ticket.ticketId();
        d.ticketNumber = ticket.number();
        d.channel = ticket.channel();
        d.kind = ticket.kind();
        d.urgency = ticket.urgency();
        d.categoryCode = ticket.categoryCode();
        d.address = ticket.place().address();
        d.lat = ticket.place().lat();
        d.lon = ticket.place().lon();
        d.triggerEventId = eventId;
        d.previousDispatchId = previous == null ? null : previous.id;
        d.escalationLevel = previous == null ? 0 : previous.escalationLevel;
        d.caseLeaderId = previous == null ? null : previous.caseLeaderId;
        d.createdAt = now;
        d.updatedAt = now;
        place(d, decision);
        // The row, its history and its event need nothing of each other's results: issued together, pipelined in
        // this order on the transaction's connection, one round trip instead of three.
        return handlers.assign(d, now).chain(() -> Uni.combine().all().unis(dispatches.insertNew(d),
                        log(d, DispatchAction.ASSIGN, Actor.system().personId(), null, null, null,
                                d.queue == Queue.AUTO ? "automatic" : "waiting in the manual queue"),
                        events.emit(d.state() == DispatchState.ASSIGNED ? EventTypes.DISPATCH_ASSIGNED
                                : EventTypes.DISPATCH_QUEUED, d, detail(Actor.system().personId(), null, now, null, null)))
                .discardItems());
    }

    /** Copies a decision onto a new (UNASSIGNED) dispatch: assigned in AUTO, or left UNASSIGNED in MANUAL. */
    static void place(Dispatch d, Decision decision) {
        ResolvedTerritory t = decision.territory();
        d.countyCode = t.countyCode();
        d.townCode = t.townCode();
        d.villageCode = t.villageCode();
        d.resolvedBy = t.resolvedBy();
        d.explanation = new ArrayList<>(decision.explanation());
        if (decision.placed()) {
            d.move(DispatchAction.ASSIGN);
            d.queue = Queue.AUTO;
            d.leadUnitCode = decision.lead().unitCode();
            d.leadUnitName = decision.lead().unitName();
            d.assisting = parts(decision.assisting());
            d.handlerId = decision.handlerId();
            d.ruleId = decision.ruleId();
            d.ruleVersion = decision.ruleVersion();
        } else {
            d.queue = Queue.MANUAL;
        }
    }

    static List<AssistPart> parts(List<UnitRef> units) {
        return new ArrayList<>(units.stream().map(u -> AssistPart.pending(u.unitCode(), u.unitName())).toList());
    }

    static List<String> append(List<String> lines, String line) {
        List<String> next = new ArrayList<>(lines);
        next.add(line);
        return next;
    }

    Uni<Void> log(Dispatch d, DispatchAction action, String actor, String unit, DispatchState from, String reasonCode,
            String note) {
        DispatchActionLog entry = new DispatchActionLog();
        entry.id = UUID.randomUUID();
        entry.dispatchId = d.id;
        entry.action = action.path();
        entry.actor = actor;
        entry.actingUnitCode = unit;
        entry.fromState = from == null ? null : from.name();
        entry.toState = d.state().name();
        entry.reasonCode = reasonCode;
        entry.note = note;
        entry.at = clock.instant();
        return actions.append(entry);
    }

    static DispatchEvents.Detail detail(String actor, String unit, Instant at, String reasonCode, String note) {
        return new DispatchEvents.Detail(actor, unit, at, reasonCode, note, null, null);
    }
}
