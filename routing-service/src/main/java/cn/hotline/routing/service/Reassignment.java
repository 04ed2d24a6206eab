package cn.hotline.routing.service;

import static cn.hotline.routing.service.DispatchActions.required;
import static cn.hotline.routing.service.DispatchService.append;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.UnitRef;
import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchAction;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.Queue;
import cn.hotline.routing.domain.Unit;
import cn.hotline.routing.mapping.ActionRequest;
import cn.hotline.routing.repository.DispatchRepository;
import cn.hotline.support.problem.Problem.FieldError;
import cn.hotline.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Places dispatches by a dispatcher's hand: the assignment of a MANUAL dispatch, and reassignment (改派, ending
 * REASSIGNED with {@code dispatch.reassigned}) after an accepted return.
 */
@ApplicationScoped
public class Reassignment {

    private final DispatchRepository dispatches;
    private final DispatchService service;
    private final DecisionEngine engine;
    private final TerritoryResolver resolver;
    private final DispatchEvents events;
    private final RoutingIndex index;
    private final HandlerAssignment handlers;
    private final Clock clock;

    public Reassignment(DispatchRepository dispatches, DispatchService service, DecisionEngine engine,
            TerritoryResolver resolver, DispatchEvents events, RoutingIndex index, HandlerAssignment handlers,
            Clock clock) {
        this.dispatches = dispatches;
        this.service = service;
        this.engine = engine;
        this.resolver = resolver;
        this.events = events;
        this.index = index;
        this.handlers = handlers;
        this.clock = clock;
    }

    /** A MANUAL dispatch gets the lead and assisting units the dispatcher chose. */
    public Uni<Dispatch> assignManually(Dispatch d, Actor actor, ActionRequest body) {
        Instant now = clock.instant();
        setUnits(d, body);
        DispatchState from = d.move(DispatchAction.ASSIGN).from();
        d.updatedAt = now;
        d.explanation = append(d.explanation, "assigned manually by " + actor.personId() + " to " + d.leadUnitName);
        return handlers.assign(d, now)
                .chain(() -> service.log(d, DispatchAction.ASSIGN, actor.personId(), null, from, null, body.note()))
                .chain(() -> events.emit(EventTypes.DISPATCH_ASSIGNED, d,
                        DispatchService.detail(actor.personId(), null, now, null, body.note())))
                .replaceWith(d);
    }

    /**
     * Ends the returned dispatch (REASSIGNED) and creates the next one: to the unit the dispatcher chose,
     * else by the next catalogue rule whose lead has not returned the ticket, else into the MANUAL queue.
     */
    public Uni<Dispatch> acceptReturn(Dispatch old, Actor actor, ActionRequest body) {
        Instant now = clock.instant();
        DispatchState from = old.move(DispatchAction.ACCEPT_RETURN).from();
        old.reviewNote = body.note();
        old.updatedAt = now;
        Dispatch next = successor(old, now);
        return dispatches.findByTicket(old.ticketId).chain(all -> {
            if (body.leadUnitCode() != null) {
                setUnits(next, body);
                next.move(DispatchAction.ASSIGN);
                next.queue = Queue.MANUAL;
                next.explanation = List.of("re-dispatched by " + actor.personId() + " after a return by "
                        + old.leadUnitName + " to " + next.leadUnitName);
            } else {
                Set<String> returned = new HashSet<>();
                all.stream().filter(x -> x.state() == DispatchState.REASSIGNED || x == old)
                        .forEach(x -> returned.add(x.leadUnitCode));
                returned.add(old.leadUnitCode);
                ResolvedTerritory territory = resolver.resolve(new TerritoryQuery(old.countyCode, old.townCode,
                        old.villageCode, old.resolvedBy, null, null, null));
                Decision decision = engine.decide(new DecisionEngine.Input(old.categoryCode, old.kind, old.urgency,
                        territory, now, returned));
                DispatchService.place(next, decision);
                next.explanation = append(next.explanation, "re-dispatched after a return by " + old.leadUnitName);
            }
            DispatchEvents.Detail detail = DispatchService.detail(actor.personId(), null, now, old.returnReasonCode,
                    body.note());
            // The old dispatch must leave the open set before the new one enters it (one open per ticket).
            return service.log(old, DispatchAction.ACCEPT_RETURN, actor.personId(), null, from, null, body.note())
                    .chain(dispatches::flush)
                    .chain(() -> handlers.assign(next, now))
                    .chain(() -> dispatches.persist(next))
                    .chain(() -> service.log(next, DispatchAction.ASSIGN, actor.personId(), null, null, null,
                            "re-dispatch of " + old.id))
                    .chain(() -> events.emit(EventTypes.DISPATCH_REASSIGNED, next, detail))
                    .chain(() -> events.emit(next.state() == DispatchState.ASSIGNED ? EventTypes.DISPATCH_ASSIGNED
                            : EventTypes.DISPATCH_QUEUED, next, detail))
                    .replaceWith(next);
        });
    }

    private static Dispatch successor(Dispatch old, Instant now) {
        Dispatch d = new Dispatch();
        d.id = UUID.randomUUID();
        d.ticketId = old.ticketId;
        d.ticketNumber = old.ticketNumber;
        d.channel = old.channel;
        d.kind = old.kind;
        d.urgency = old.urgency;
        d.categoryCode = old.categoryCode;
        d.countyCode = old.countyCode;
        d.townCode = old.townCode;
        d.villageCode = old.villageCode;
        d.resolvedBy = old.resolvedBy;
        d.address = old.address;
        d.lat = old.lat;
        d.lon = old.lon;
        d.escalationLevel = old.escalationLevel;
        d.caseLeaderId = old.caseLeaderId;
        d.previousDispatchId = old.id;
        d.queue = Queue.MANUAL;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    private void setUnits(Dispatch d, ActionRequest body) {
        OrganisationSnapshot org = index.organisation();
        String leadCode = required("leadUnitCode", body.leadUnitCode());
        List<FieldError> errors = new ArrayList<>();
        Unit lead = org.unit(leadCode).orElse(null);
        if (lead == null) {
            errors.add(new FieldError("leadUnitCode", "unknown unit " + leadCode));
        }
        List<String> assisting = body.assistingUnitCodes() == null ? List.of() : body.assistingUnitCodes();
        List<UnitRef> refs = new ArrayList<>();
        for (int i = 0; i < assisting.size(); i++) {
            Unit unit = org.unit(assisting.get(i)).orElse(null);
            if (unit == null) {
                errors.add(new FieldError("assistingUnitCodes[" + i + "]", "unknown unit " + assisting.get(i)));
            } else if (!unit.code().equals(leadCode) && refs.stream().noneMatch(r -> r.unitCode().equals(unit.code()))) {
                refs.add(new UnitRef(unit.code(), unit.name()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        d.leadUnitCode = lead.code();
        d.leadUnitName = lead.name();
        d.assisting = DispatchService.parts(refs);
        d.handlerId = null;
        d.ruleId = null;
        d.ruleVersion = null;
    }
}
