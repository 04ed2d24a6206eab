package cn.hotline.sla.domain;

import static cn.hotline.sla.domain.TimerState.CANCELLED;
import static cn.hotline.sla.domain.TimerState.MET;
import static cn.hotline.sla.domain.TimerState.PAUSED;
import static cn.hotline.sla.domain.TimerState.RUNNING;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The timer state machine as one table: for each state, the actions allowed in it and the state they lead to.
 * {@link #apply} is the only way {@link TimerEntity#state} moves after {@link #start}; set-based SQL that selects
 * timers by state takes its states from here ({@link #sql}), so the statements cannot drift from the table.
 * A breach is a flag, not a state: a breached timer keeps running.
 */
public final class TimerTransitions {

    /** What happens to a timer. */
    public enum Action { PAUSE, RESUME, MEET, CANCEL }

    /** One row of the table. */
    public record Transition(TimerState from, Action action, TimerState to) {
    }

    /** The state every timer starts in. */
    public static final TimerState INITIAL = RUNNING;

    private static final Map<TimerState, Map<Action, Transition>> TABLE = new EnumMap<>(TimerState.class);

    static {
        row(RUNNING, Action.PAUSE, PAUSED);
        row(PAUSED, Action.RESUME, RUNNING);
        for (TimerState open : List.of(RUNNING, PAUSED)) {
            row(open, Action.MEET, MET);
            row(open, Action.CANCEL, CANCELLED);
        }
    }

    /** Timers that can still end (be met or cancelled): the ones the event and API paths look for. */
    public static final Set<TimerState> ACTIVE = sources(Action.CANCEL);
    /** Timers whose points fire: the ones a pause would stop (a paused timer's points wait for its resume). */
    public static final Set<TimerState> FIRING = sources(Action.PAUSE);

    private TimerTransitions() {
    }

    private static void row(TimerState from, Action action, TimerState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, new Transition(from, action, to));
    }

    public static Optional<Transition> find(TimerState from, Action action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    /** Every row, for documentation and tests. */
    public static List<Transition> all() {
        return TABLE.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /** The states {@code action} is allowed in. */
    public static Set<TimerState> sources(Action action) {
        Set<TimerState> from = EnumSet.noneOf(TimerState.class);
        all().stream().filter(t -> t.action() == action).forEach(t -> from.add(t.from()));
        return Collections.unmodifiableSet(from);
    }

    /** {@code states} as a SQL list of literals, e.g. {@code ('RUNNING', 'PAUSED')}, in the enum's order. */
    public static String sql(Set<TimerState> states) {
        return states.stream().sorted().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** Puts a new timer in the initial state. */
    public static void start(TimerEntity timer) {
        timer.state = INITIAL;
    }

    /** Moves {@code timer} by {@code action}; refused (IllegalStateException) when the table has no such row. */
    public static void apply(TimerEntity timer, Action action) {
        timer.state = find(timer.state, action).map(Transition::to).orElseThrow(() -> new IllegalStateException(
                "timer " + timer.id + " cannot " + action + " when " + timer.state));
    }
}
