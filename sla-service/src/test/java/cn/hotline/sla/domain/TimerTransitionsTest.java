package cn.hotline.sla.domain;

import static cn.hotline.sla.domain.TimerState.CANCELLED;
import static cn.hotline.sla.domain.TimerState.MET;
import static cn.hotline.sla.domain.TimerState.PAUSED;
import static cn.hotline.sla.domain.TimerState.RUNNING;
import static cn.hotline.sla.domain.TimerTransitions.Action.CANCEL;
import static cn.hotline.sla.domain.TimerTransitions.Action.MEET;
import static cn.hotline.sla.domain.TimerTransitions.Action.PAUSE;
import static cn.hotline.sla.domain.TimerTransitions.Action.RESUME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.hotline.sla.domain.TimerTransitions.Action;

/** Every cell of the timer state table: each allowed transition moves the state, each refused one leaves it. */
class TimerTransitionsTest {

    /** The expected table, written out by hand: (from, action) → to; every other cell is refused. */
    static final Map<TimerState, Map<Action, TimerState>> EXPECTED = Map.of(
            RUNNING, Map.of(PAUSE, PAUSED, MEET, MET, CANCEL, CANCELLED),
            PAUSED, Map.of(RESUME, RUNNING, MEET, MET, CANCEL, CANCELLED),
            MET, Map.of(),
            CANCELLED, Map.of());

    @Test
    void everyCellOfTheTable() {
        int allowed = 0;
        for (TimerState from : TimerState.values()) {
            for (Action action : Action.values()) {
                TimerState expected = EXPECTED.get(from).get(action);
                TimerEntity timer = timer(from);
                if (expected != null) {
                    allowed++;
                    assertThat(TimerTransitions.find(from, action)).as(from + " " + action)
                            .hasValue(new TimerTransitions.Transition(from, action, expected));
                    TimerTransitions.apply(timer, action);
                    assertThat(timer.state).as(from + " " + action).isEqualTo(expected);
                } else {
                    assertThat(TimerTransitions.find(from, action)).as(from + " " + action).isEmpty();
                    assertThatThrownBy(() -> TimerTransitions.apply(timer, action)).as(from + " " + action)
                            .isInstanceOf(IllegalStateException.class).hasMessageContaining(action.name());
                    assertThat(timer.state).as(from + " " + action + " leaves the state").isEqualTo(from);
                }
            }
        }
        assertThat(TimerTransitions.all()).hasSize(allowed);
    }

    @Test
    void aNewTimerRuns() {
        TimerEntity timer = timer(null);
        TimerTransitions.start(timer);
        assertThat(timer.state).isEqualTo(RUNNING).isEqualTo(TimerTransitions.INITIAL);
    }

    @Test
    void theStatesSqlSelectsComeFromTheTable() {
        assertThat(TimerTransitions.ACTIVE).isEqualTo(Set.of(RUNNING, PAUSED));
        assertThat(TimerTransitions.FIRING).isEqualTo(Set.of(RUNNING));
        assertThat(TimerTransitions.sql(TimerTransitions.ACTIVE)).isEqualTo("('RUNNING', 'PAUSED')");
        assertThat(TimerTransitions.sql(TimerTransitions.FIRING)).isEqualTo("('RUNNING')");
        for (TimerState state : TimerState.values()) {
            assertThat(state.active()).as(state.name()).isEqualTo(state == RUNNING || state == PAUSED);
        }
    }

    private static TimerEntity timer(TimerState state) {
        TimerEntity timer = new TimerEntity();
        timer.id = "t-" + state;
        timer.state = state;
        return timer;
    }
}
