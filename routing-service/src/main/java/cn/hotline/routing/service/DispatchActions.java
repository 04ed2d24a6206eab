package cn.hotline.routing.service;

import static cn.hotline.routing.service.DispatchService.append;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.routing.domain.AssistPart;
import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.DispatchTransitions.Transition;
import cn.hotline.routing.mapping.ActionRequest;
import cn.hotline.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** The effect of each dispatch action: fields it sets, its history entry and its {@code dispatch.*} event. */
@ApplicationScoped
public class DispatchActions {

    /** Coded reasons a unit may give when returning a dispatch (退单). */
    public static final Set<String> RETURN_REASONS =
            Set.of("NOT_OUR_JURISDICTION", "WRONG_TERRITORY", "INSUFFICIENT_INFORMATION", "DUPLICATE", "OTHER");

    private final DispatchService service;
    private final Reassignment reassignment;
    private final DispatchEvents events;
    private final RoutingIndex index;
    private final ExtensionRules extensions;
    private final EscalationTarget escalationTarget;
    private final Clock clock;

    public DispatchActions(DispatchService service, Reassignment reassignment, DispatchEvents events,
            RoutingIndex index, ExtensionRules extensions, EscalationTarget escalationTarget, Clock clock) {
        this.service = service;
        this.reassignment = reassignment;
        this.events = events;
        this.index = index;
        this.extensions = extensions;
        this.escalationTarget = escalationTarget;
        this.clock = clock;
    }

    /** Applies {@code t}, already authorized, to {@code d}: the result is the dispatch to show. */
    public Uni<Dispatch> apply(Dispatch d, Transition t, Actor actor, ActionRequest body) {
        Instant now = clock.instant();
        String unit = actor.unitCode();
        String type;
        String reasonCode = null;
        String note = body.note();
        switch (t.action()) {
            case ASSIGN -> {
                return reassignment.assignManually(d, actor, body);
            }
            case ACCEPT_RETURN -> {
                return reassignment.acceptReturn(d, actor, body);
            }
            case SIGN -> type = EventTypes.DISPATCH_SIGNED;
            case RETURN -> {
                reasonCode = required("reasonCode", body.reasonCode());
                if (!RETURN_REASONS.contains(reasonCode)) {
                    throw ProblemException.badRequest("reasonCode", "must be one of " + RETURN_REASONS);
                }
                note = required("note", body.note());
                d.returnReasonCode = reasonCode;
                d.returnNote = note;
                type = EventTypes.DISPATCH_RETURNED;
            }
            case REJECT_RETURN -> {
                note = required("note", body.note());
                d.reviewNote = note;
                reasonCode = "RETURN_REJECTED";
                type = EventTypes.DISPATCH_ASSIGNED;
            }
            case ARRIVE -> {
                if ((body.lat() == null) != (body.lon() == null)) {
                    throw ProblemException.badRequest(body.lat() == null ? "lat" : "lon", "lat and lon go together");
                }
                type = EventTypes.DISPATCH_ARRIVED;
            }
            case HANDLE -> {
                note = required("note", body.note());
                type = EventTypes.DISPATCH_HANDLED;
            }
            case ASSIST_SIGN -> {
                AssistPart part = d.assistPart(unit).orElseThrow();
                if (!AssistPart.PENDING.equals(part.status())) {
                    throw WorkflowProblems.alreadyDone(d, "your unit's part is already " + part.status());
                }
                d.updateAssist(unit, AssistPart.SIGNED, null);
                type = EventTypes.DISPATCH_ASSIST_SIGNED;
            }
            case ASSIST_REPORT -> {
                note = required("note", body.note());
                AssistPart part = d.assistPart(unit).orElseThrow();
                if (!part.outstanding()) {
                    throw WorkflowProblems.alreadyDone(d, "your unit's part is already " + part.status());
                }
                d.updateAssist(unit, AssistPart.REPORTED, note);
                type = EventTypes.DISPATCH_ASSIST_REPORTED;
            }
            case RELEASE_ASSIST -> {
                String released = required("unitCode", body.unitCode());
                if (!d.pendingAssisting().contains(released)) {
                    throw ProblemException.badRequest("unitCode", released + " is not a pending assisting unit");
                }
                d.updateAssist(released, AssistPart.RELEASED, note);
                // The event concerns the released unit, whose own deadlines end with it.
                unit = released;
                type = EventTypes.DISPATCH_ASSIST_RELEASED;
            }
            case COMPLETE -> type = EventTypes.DISPATCH_COMPLETED;
            case REQUEST_EXTENSION -> {
                extensions.request(d, body.duration(), body.reason());
                note = d.extensionReason;
                type = EventTypes.DISPATCH_EXTENSION_REQUESTED;
            }
            case EXTENSION_DECISION -> {
                if (body.approved() == null) {
                    throw ProblemException.badRequest("approved", "must be true or false");
                }
                d.extensionPending = false;
                d.extensionApproved = body.approved();
                // The decision carries the request's reason: what the petitioner is told the extension is for.
                note = d.extensionReason;
                type = EventTypes.DISPATCH_EXTENSION_DECIDED;
            }
            case ESCALATE -> {
                note = required("reason", body.reason());
                d.escalationLevel++;
                d.escalationReason = note;
                d.explanation = append(d.explanation, "escalated to level " + d.escalationLevel + " (" + escalationTarget.describe(d, now)
                        + ") by " + actor.personId() + ": " + note);
                type = EventTypes.DISPATCH_ESCALATED;
            }
            case ASSIGN_LEADER -> {
                String leader = required("caseLeaderId", body.caseLeaderId());
                if (index.organisation().person(leader).isEmpty()) {
                    throw ProblemException.badRequest("caseLeaderId", "unknown person " + leader);
                }
                d.caseLeaderId = leader;
                type = EventTypes.DISPATCH_LEADER_ASSIGNED;
            }
            default -> throw ProblemException.forbidden(t.action().path() + " is not an API action");
        }
        DispatchState from = d.move(t.action()).from();
        d.updatedAt = now;
        String eventType = type;
        String eventNote = note;
        String eventReason = reasonCode;
        DispatchEvents.Detail detail = new DispatchEvents.Detail(actor.personId(), unit, now, eventReason, eventNote,
                body.lat(), body.lon());
        return service.log(d, t.action(), actor.personId(), unit, from, eventReason, eventNote)
                .chain(() -> eventType == null ? Uni.createFrom().voidItem() : events.emit(eventType, d, detail))
                .replaceWith(d);
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required");
        }
        return value.strip();
    }
}
