package cn.hotline.intake;

import static cn.hotline.intake.domain.TicketStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.domain.TicketTransitions;

/** The ticket status table, enumerated: each allowed move and each refused one, written out here by hand. */
class TicketTransitionsTest {

    private static final Instant AT = Instant.parse("2026-11-21T02:00:00Z");

    /** What the lifecycle in domain.md allows; every other pair is refused. */
    private static final Map<TicketStatus, Set<TicketStatus>> EXPECTED = Map.of(
            ACCEPTED, EnumSet.of(DISPATCHED, IN_PROGRESS, AWAITING_FOLLOWUP, MERGED, TRANSFERRED_OUT),
            DISPATCHED, EnumSet.of(DISPATCHED, IN_PROGRESS, AWAITING_FOLLOWUP, MERGED, TRANSFERRED_OUT),
            IN_PROGRESS, EnumSet.of(DISPATCHED, IN_PROGRESS, AWAITING_FOLLOWUP, MERGED, TRANSFERRED_OUT),
            AWAITING_FOLLOWUP, EnumSet.of(CLOSED, DISPATCHED),
            CLOSED, EnumSet.noneOf(TicketStatus.class),
            MERGED, EnumSet.noneOf(TicketStatus.class),
            TRANSFERRED_OUT, EnumSet.noneOf(TicketStatus.class));

    static List<Arguments> allowed() {
        List<Arguments> pairs = new ArrayList<>();
        EXPECTED.forEach((from, tos) -> tos.forEach(to -> pairs.add(Arguments.of(from, to))));
        return pairs;
    }

    static List<Arguments> refused() {
        List<Arguments> pairs = new ArrayList<>();
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                if (!EXPECTED.get(from).contains(to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "{0} → {1} allowed")
    @MethodSource("allowed")
    void allowedMoveChangesTheStatus(TicketStatus from, TicketStatus to) {
        assertThat(TicketTransitions.find(from, to)).get().satisfies(row -> assertThat(row.cause()).isNotBlank());
        Ticket ticket = at(from);
        assertThat(ticket.moveTo(to, AT.plusSeconds(60))).isTrue();
        assertThat(ticket.status()).isEqualTo(to);
        assertThat(ticket.updatedAt).isEqualTo(AT.plusSeconds(60));
    }

    @ParameterizedTest(name = "{0} → {1} refused")
    @MethodSource("refused")
    void refusedMoveChangesNothing(TicketStatus from, TicketStatus to) {
        assertThat(TicketTransitions.allowed(from, to)).isFalse();
        Ticket ticket = at(from);
        Instant before = ticket.updatedAt;
        assertThat(ticket.moveTo(to, AT.plusSeconds(60))).isFalse();
        assertThat(ticket.status()).isEqualTo(from);
        assertThat(ticket.updatedAt).isEqualTo(before);
    }

    @Test
    void theTableHoldsExactlyTheExpectedRows() {
        assertThat(TicketTransitions.all()).hasSize(allowed().size());
        assertThat(TicketTransitions.INITIAL).isEqualTo(ACCEPTED);
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(status.isFinal()).as(status + " final").isEqualTo(EXPECTED.get(status).isEmpty());
        }
    }

    @Test
    void aTicketIsRegisteredOnce() {
        Ticket ticket = new Ticket();
        ticket.accept(AT);
        assertThat(ticket.receivedAt).isEqualTo(AT);
        assertThatThrownBy(() -> ticket.accept(AT)).isInstanceOf(IllegalStateException.class);
    }

    /** A ticket in {@code status}, reached along the table from ACCEPTED. */
    private static Ticket at(TicketStatus status) {
        Ticket ticket = new Ticket();
        ticket.accept(AT);
        List<TicketStatus> path = switch (status) {
            case ACCEPTED -> List.of();
            case DISPATCHED, MERGED, TRANSFERRED_OUT, IN_PROGRESS, AWAITING_FOLLOWUP -> List.of(status);
            case CLOSED -> List.of(AWAITING_FOLLOWUP, CLOSED);
        };
        path.forEach(next -> assertThat(ticket.moveTo(next, AT)).isTrue());
        assertThat(ticket.status()).isEqualTo(status);
        return ticket;
    }
}
