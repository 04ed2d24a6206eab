package cn.hotline.routing.domain;

import static cn.hotline.routing.domain.DispatchAction.*;
import static cn.hotline.routing.domain.DispatchState.*;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.hotline.support.security.Roles;

/**
 * The dispatch state machine as one table: for each state, the actions allowed in it, the state they
 * lead to (null = stays), who may perform them, and on whose unit. Guards that depend on the dispatch
 * (a pending extension, unreported assisting units) are in {@link #guard}.
 */
public final class DispatchTransitions {

    /** Whose dispatch an actor must belong to: the lead unit, an assisting unit, or anyone with the role. */
    public enum Scope { LEAD_UNIT, ASSISTING_UNIT, ANY }

    /** One row of the table. */
    public record Transition(DispatchState from, DispatchAction action, DispatchState to, Set<String> roles, Scope scope) {
        public DispatchState next(DispatchState current) {
            return to == null ? current : to;
        }
    }

    private static final Set<String> HANDLER = Set.of(Roles.HANDLER);
    private static final Set<String> DISPATCH_DESK = Set.of(Roles.DISPATCHER, Roles.SUPERVISOR);
    private static final Set<String> SUPERVISOR_ONLY = Set.of(Roles.SUPERVISOR);
    private static final Set<String> SYSTEM = Set.of();
    private static final List<DispatchState> WORKING = List.of(SIGNED, ARRIVED, HANDLING);

    private static final Map<DispatchState, Map<DispatchAction, Transition>> TABLE = new EnumMap<>(DispatchState.class);

    static {
        row(UNASSIGNED, ASSIGN, ASSIGNED, DISPATCH_DESK, Scope.ANY);
        row(ASSIGNED, SIGN, SIGNED, HANDLER, Scope.LEAD_UNIT);
        row(ASSIGNED, RETURN, RETURNED, HANDLER, Scope.LEAD_UNIT);
        row(ASSIGNED, RELEASE_ASSIST, null, DISPATCH_DESK, Scope.ANY);
        row(ASSIGNED, ASSIST_SIGN, null, HANDLER, Scope.ASSISTING_UNIT);
        row(ASSIGNED, ASSIST_REPORT, null, HANDLER, Scope.ASSISTING_UNIT);
        row(SIGNED, ARRIVE, ARRIVED, HANDLER, Scope.LEAD_UNIT);
        row(SIGNED, HANDLE, HANDLING, HANDLER, Scope.LEAD_UNIT);
        row(ARRIVED, HANDLE, HANDLING, HANDLER, Scope.LEAD_UNIT);
        row(HANDLING, HANDLE, HANDLING, HANDLER, Scope.LEAD_UNIT);
        for (DispatchState working : WORKING) {
            row(working, COMPLETE, COMPLETED, HANDLER, Scope.LEAD_UNIT);
            row(working, REQUEST_EXTENSION, null, HANDLER, Scope.LEAD_UNIT);
            row(working, EXTENSION_DECISION, null, SUPERVISOR_ONLY, Scope.ANY);
            row(working, ASSIST_SIGN, null, HANDLER, Scope.ASSISTING_UNIT);
            row(working, ASSIST_REPORT, null, HANDLER, Scope.ASSISTING_UNIT);
            row(working, RELEASE_ASSIST, null, DISPATCH_DESK, Scope.ANY);
        }
        row(RETURNED, ACCEPT_RETURN, REASSIGNED, DISPATCH_DESK, Scope.ANY);
        row(RETURNED, REJECT_RETURN, ASSIGNED, DISPATCH_DESK, Scope.ANY);
        for (DispatchState state : DispatchState.values()) {
            if (state.open()) {
                row(state, ESCALATE, null, DISPATCH_DESK, Scope.ANY);
                row(state, ASSIGN_LEADER, null, DISPATCH_DESK, Scope.ANY);
                row(state, CANCEL, CANCELLED, SYSTEM, Scope.ANY);
            }
        }
    }

    private DispatchTransitions() {
    }

    private static void row(DispatchState from, DispatchAction action, DispatchState to, Set<String> roles, Scope scope) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(DispatchAction.class))
                .put(action, new Transition(from, action, to, roles, scope));
    }

    public static Optional<Transition> find(DispatchState from, DispatchAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    /** Every row, for documentation and tests. */
    public static List<Transition> all() {
        return TABLE.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /** Why {@code action} cannot run on {@code dispatch} now although the table allows it; empty if it can. */
    public static Optional<String> guard(Dispatch dispatch, DispatchAction action) {
        return switch (action) {
            case REQUEST_EXTENSION -> dispatch.extensionPending
                    ? Optional.of("an extension request is already waiting for a decision") : Optional.empty();
            case EXTENSION_DECISION -> dispatch.extensionPending
                    ? Optional.empty() : Optional.of("no extension request is waiting for a decision");
            case COMPLETE -> dispatch.pendingAssisting().isEmpty() ? Optional.empty()
                    : Optional.of("assisting units have not reported their part: " + dispatch.pendingAssisting());
            case RELEASE_ASSIST, ASSIST_REPORT, ASSIST_SIGN -> dispatch.pendingAssisting().isEmpty()
                    ? Optional.of("no assisting unit is pending") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The API actions possible on {@code dispatch} now (table rows whose guards pass), by path name. */
    public static List<String> allowedActions(Dispatch dispatch) {
        Set<String> allowed = new LinkedHashSet<>();
        TABLE.getOrDefault(dispatch.state(), Map.of()).values().forEach(t -> {
            if (!t.roles().isEmpty() && guard(dispatch, t.action()).isEmpty()) {
                allowed.add(t.action().path());
            }
        });
        return List.copyOf(allowed);
    }
}
