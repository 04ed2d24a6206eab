package cn.hotline.intake.domain;

import static cn.hotline.intake.domain.TicketStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ticket status table: every move a ticket's status may make and what makes it. {@link Ticket#moveTo} and, for
 * set-based moves, {@code TicketRepository.moveAndRecord} with {@link #sources} are the only ways along it; a new ticket starts {@link #INITIAL}; a move not in the table changes nothing.
 */
public final class TicketTransitions {

    /** One row of the table: {@code from} may become {@code to}, because of {@code cause}. */
    public record Transition(TicketStatus from, TicketStatus to, String cause) {
    }

    /** The status every ticket is registered in. */
    public static final TicketStatus INITIAL = ACCEPTED;

    private static final Map<TicketStatus, Map<TicketStatus, Transition>> TABLE = new EnumMap<>(TicketStatus.class);

    static {
        for (TicketStatus open : List.of(ACCEPTED, DISPATCHED, IN_PROGRESS)) {
            // DISPATCHED → DISPATCHED: a re-dispatch (改派) to another unit.
            row(open, DISPATCHED, "dispatch assigned");
            row(open, IN_PROGRESS, "dispatch signed, arrived or handled");
            row(open, AWAITING_FOLLOWUP, "dispatch completed");
            row(open, MERGED, "merged into a master ticket (并单)");
            row(open, TRANSFERRED_OUT, "transferred out (to 110)");
        }
        row(AWAITING_FOLLOWUP, CLOSED, "follow-up recorded, or left unanswered (auto-close)");
        // Reopened (重办): routed again.
        row(AWAITING_FOLLOWUP, DISPATCHED, "follow-up reopened it (重办)");
    }

    private TicketTransitions() {
    }

    private static void row(TicketStatus from, TicketStatus to, String cause) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(TicketStatus.class)).put(to, new Transition(from, to, cause));
    }

    public static Optional<Transition> find(TicketStatus from, TicketStatus to) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(to));
    }

    public static boolean allowed(TicketStatus from, TicketStatus to) {
        return find(from, to).isPresent();
    }

    /** The statuses a set-based update may move to {@code to} from (a move to itself included when the table has it). */
    public static Set<TicketStatus> sources(TicketStatus to) {
        Set<TicketStatus> sources = EnumSet.noneOf(TicketStatus.class);
        TABLE.forEach((from, moves) -> {
            if (moves.containsKey(to)) {
                sources.add(from);
            }
        });
        return sources;
    }

    /** True when nothing leaves {@code status}. */
    public static boolean isFinal(TicketStatus status) {
        return TABLE.getOrDefault(status, Map.of()).isEmpty();
    }

    /** Every row, for documentation and tests. */
    public static List<Transition> all() {
        return TABLE.values().stream().flatMap(m -> m.values().stream()).toList();
    }
}
