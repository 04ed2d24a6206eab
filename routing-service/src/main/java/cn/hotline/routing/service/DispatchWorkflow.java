package cn.hotline.routing.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchAction;
import cn.hotline.routing.domain.DispatchTransitions;
import cn.hotline.routing.domain.DispatchTransitions.Scope;
import cn.hotline.routing.domain.DispatchTransitions.Transition;
import cn.hotline.routing.mapping.ActionRequest;
import cn.hotline.routing.repository.DispatchRepository;
import cn.hotline.support.problem.ConcurrentChanges;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Runs one action on one dispatch in one transaction: checks role (403), unit (403), the transition
 * table (409 with {@code currentState} and {@code allowedActions}) and guards (409), applies the action
 * with its event, and turns a lost optimistic-lock race into 409.
 */
@ApplicationScoped
public class DispatchWorkflow {

    private final DispatchRepository dispatches;
    private final DispatchActions actions;
    private final DispatchScope scope;

    public DispatchWorkflow(DispatchRepository dispatches, DispatchActions actions, DispatchScope scope) {
        this.dispatches = dispatches;
        this.actions = actions;
        this.scope = scope;
    }

    /** Performs {@code action}; the result is the dispatch to show (the new one after a reassignment). */
    public Uni<Dispatch> perform(UUID id, DispatchAction action, Actor actor, ActionRequest request) {
        ActionRequest body = request == null ? ActionRequest.empty() : request;
        // A desk outside the dispatch's territory acts on it as on a missing one; a handler of another unit still
        // gets the 403 naming the lead unit (authorize), as field staff expect.
        return Panache.withTransaction(() -> dispatches.findById(id)
                        .map(d -> d != null && (actor.onlyHandler() || scope.sees(actor, d)) ? d : null)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("dispatch " + id))
                        .chain(d -> actions.apply(d, authorize(d, action, actor), actor, body)))
                .onFailure(DispatchWorkflow::lostRace)
                .transform(e -> ProblemException.conflict("dispatch " + id + " was changed by a concurrent action;"
                        + " reload it and try again", Map.of("dispatchId", id.toString())));
    }

    static Transition authorize(Dispatch d, DispatchAction action, Actor actor) {
        Transition any = DispatchTransitions.all().stream().filter(t -> t.action() == action).findFirst()
                .orElseThrow(() -> ProblemException.forbidden(action.path() + " is not an API action"));
        if (!actor.hasAny(any.roles())) {
            throw ProblemException.forbidden(action.path() + " needs one of the roles " + any.roles());
        }
        if (any.scope() == Scope.LEAD_UNIT && !java.util.Objects.equals(actor.unitCode(), d.leadUnitCode)) {
            throw ProblemException.forbidden("only the lead unit " + d.leadUnitCode + " may " + action.path()
                    + " this dispatch; your unit is " + actor.unitCode());
        }
        if (any.scope() == Scope.ASSISTING_UNIT && !d.hasAssisting(actor.unitCode())) {
            throw ProblemException.forbidden("your unit " + actor.unitCode() + " is not assisting this dispatch");
        }
        Transition transition = DispatchTransitions.find(d.state(), action).orElseThrow(() -> illegal(d, action,
                action.path() + " is not allowed in state " + d.state()));
        DispatchTransitions.guard(d, action).ifPresent(why -> {
            throw illegal(d, action, why);
        });
        return transition;
    }

    static ProblemException illegal(Dispatch d, DispatchAction action, String detail) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("currentState", d.state().name());
        extensions.put("allowedActions", DispatchTransitions.allowedActions(d));
        extensions.put("action", action.path());
        return ProblemException.conflict(detail, extensions);
    }

    /** A @Version loss, or the one-open-dispatch-per-ticket index refusing the second of two concurrent reassignments. */
    private static boolean lostRace(Throwable failure) {
        if (ConcurrentChanges.lostRace(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("dispatch_one_open_per_ticket")) {
                return true;
            }
        }
        return false;
    }
}
