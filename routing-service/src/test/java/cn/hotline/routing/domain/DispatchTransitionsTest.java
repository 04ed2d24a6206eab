package cn.hotline.routing.domain;

import static cn.hotline.routing.domain.DispatchAction.*;
import static cn.hotline.routing.domain.DispatchState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.hotline.support.security.Roles;

/** The dispatch state table written out row by row: every move it allows happens, every other one is refused. */
class DispatchTransitionsTest {

    /** One expected row: from, action, to (null = stays), roles, scope. */
    record Row(DispatchState from, DispatchAction action, DispatchState to, Set<String> roles,
            DispatchTransitions.Scope scope) {
    }

    static final Set<String> HANDLER = Set.of(Roles.HANDLER);
    static final Set<String> DESK = Set.of(Roles.DISPATCHER, Roles.SUPERVISOR);
    static final Set<String> SUPERVISOR = Set.of(Roles.SUPERVISOR);
    static final DispatchTransitions.Scope LEAD = DispatchTransitions.Scope.LEAD_UNIT;
    static final DispatchTransitions.Scope ASSISTING = DispatchTransitions.Scope.ASSISTING_UNIT;
    static final DispatchTransitions.Scope ANY = DispatchTransitions.Scope.ANY;

    static List<Row> expected() {
        List<Row> rows = new ArrayList<>(List.of(
                new Row(UNASSIGNED, ASSIGN, ASSIGNED, DESK, ANY),
                new Row(ASSIGNED, SIGN, SIGNED, HANDLER, LEAD),
                new Row(ASSIGNED, RETURN, RETURNED, HANDLER, LEAD),
                new Row(ASSIGNED, RELEASE_ASSIST, null, DESK, ANY),
                new Row(ASSIGNED, ASSIST_SIGN, null, HANDLER, ASSISTING),
                new Row(ASSIGNED, ASSIST_REPORT, null, HANDLER, ASSISTING),
                new Row(SIGNED, ARRIVE, ARRIVED, HANDLER, LEAD),
                new Row(SIGNED, HANDLE, HANDLING, HANDLER, LEAD),
                new Row(ARRIVED, HANDLE, HANDLING, HANDLER, LEAD),
                new Row(HANDLING, HANDLE, HANDLING, HANDLER, LEAD),
                new Row(RETURNED, ACCEPT_RETURN, REASSIGNED, DESK, ANY),
                new Row(RETURNED, REJECT_RETURN, ASSIGNED, DESK, ANY)));
        for (DispatchState working : List.of(SIGNED, ARRIVED, HANDLING)) {
            rows.add(new Row(working, COMPLETE, COMPLETED, HANDLER, LEAD));
            rows.add(new Row(working, REQUEST_EXTENSION, null, HANDLER, LEAD));
            rows.add(new Row(working, EXTENSION_DECISION, null, SUPERVISOR, ANY));
            rows.add(new Row(working, ASSIST_SIGN, null, HANDLER, ASSISTING));
            rows.add(new Row(working, ASSIST_REPORT, null, HANDLER, ASSISTING));
            rows.add(new Row(working, RELEASE_ASSIST, null, DESK, ANY));
        }
        for (DispatchState open : List.of(UNASSIGNED, ASSIGNED, SIGNED, ARRIVED, HANDLING, RETURNED)) {
            rows.add(new Row(open, ESCALATE, null, DESK, ANY));
            rows.add(new Row(open, ASSIGN_LEADER, null, DESK, ANY));
            rows.add(new Row(open, CANCEL, CANCELLED, Set.of(), ANY));
        }
        return rows;
    }

    static Stream<Arguments> everyStateAndAction() {
        return Stream.of(DispatchState.values())
                .flatMap(state -> Stream.of(DispatchAction.values()).map(action -> Arguments.of(state, action)));
    }

    @Test
    void theTableHoldsExactlyTheExpectedRows() {
        List<Row> actual = DispatchTransitions.all().stream()
                .map(t -> new Row(t.from(), t.action(), t.to(), t.roles(), t.scope())).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected());
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyStateAndAction")
    void aDispatchMovesOnlyAsTheTableSays(DispatchState state, DispatchAction action) {
        Dispatch dispatch = inState(state);
        Row row = expected().stream().filter(r -> r.from() == state && r.action() == action).findFirst().orElse(null);
        if (row == null) {
            assertThatThrownBy(() -> dispatch.move(action)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(action.path()).hasMessageContaining(state.name());
            assertThat(dispatch.state()).isEqualTo(state);
        } else {
            assertThat(dispatch.move(action).from()).isEqualTo(state);
            assertThat(dispatch.state()).isEqualTo(row.to() == null ? state : row.to());
        }
    }

    @Test
    void endStatesAllowNothing() {
        for (DispatchState end : List.of(COMPLETED, REASSIGNED, CANCELLED)) {
            assertThat(end.open()).isFalse();
            assertThat(DispatchTransitions.all()).noneMatch(t -> t.from() == end);
        }
    }

    @Test
    void aNewDispatchStartsUnassigned() {
        assertThat(new Dispatch().state()).isEqualTo(UNASSIGNED);
    }

    /** A dispatch walked into {@code state} through the table itself (there is no other way in). */
    static Dispatch inState(DispatchState state) {
        Dispatch d = new Dispatch();
        List<DispatchAction> path = switch (state) {
            case UNASSIGNED -> List.of();
            case ASSIGNED -> List.of(ASSIGN);
            case SIGNED -> List.of(ASSIGN, SIGN);
            case ARRIVED -> List.of(ASSIGN, SIGN, ARRIVE);
            case HANDLING -> List.of(ASSIGN, SIGN, HANDLE);
            case RETURNED -> List.of(ASSIGN, RETURN);
            case COMPLETED -> List.of(ASSIGN, SIGN, COMPLETE);
            case REASSIGNED -> List.of(ASSIGN, RETURN, ACCEPT_RETURN);
            case CANCELLED -> List.of(CANCEL);
        };
        path.forEach(d::move);
        assertThat(d.state()).isEqualTo(state);
        return d;
    }
}
