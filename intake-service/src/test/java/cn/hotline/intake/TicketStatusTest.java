package cn.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;

/** The citizen-visible status table, without a server. */
class TicketStatusTest {

    @Test
    void happyPathIsAllowed() {
        Ticket ticket = new Ticket();
        Instant now = Instant.parse("2026-11-21T02:00:00Z");
        ticket.accept(now);
        assertThat(ticket.status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(ticket.moveTo(TicketStatus.DISPATCHED, now)).isTrue();
        assertThat(ticket.moveTo(TicketStatus.IN_PROGRESS, now)).isTrue();
        assertThat(ticket.moveTo(TicketStatus.AWAITING_FOLLOWUP, now)).isTrue();
        assertThat(ticket.awaitingSince).isEqualTo(now);
        assertThat(ticket.moveTo(TicketStatus.CLOSED, now)).isTrue();
        assertThat(ticket.closedAt).isEqualTo(now);
    }

    @Test
    void finalStatesStayFinal() {
        for (TicketStatus end : new TicketStatus[] {TicketStatus.CLOSED, TicketStatus.MERGED, TicketStatus.TRANSFERRED_OUT}) {
            assertThat(end.isFinal()).isTrue();
            for (TicketStatus next : TicketStatus.values()) {
                assertThat(end.canMoveTo(next)).as(end + " → " + next).isFalse();
            }
        }
    }

    @Test
    void awaitingFollowUpOnlyClosesOrReopens() {
        assertThat(TicketStatus.AWAITING_FOLLOWUP.canMoveTo(TicketStatus.CLOSED)).isTrue();
        assertThat(TicketStatus.AWAITING_FOLLOWUP.canMoveTo(TicketStatus.DISPATCHED)).isTrue();
        assertThat(TicketStatus.AWAITING_FOLLOWUP.canMoveTo(TicketStatus.MERGED)).isFalse();
        assertThat(TicketStatus.AWAITING_FOLLOWUP.canMoveTo(TicketStatus.IN_PROGRESS)).isFalse();
        assertThat(TicketStatus.ACCEPTED.canMoveTo(TicketStatus.CLOSED)).isFalse();
    }
}
