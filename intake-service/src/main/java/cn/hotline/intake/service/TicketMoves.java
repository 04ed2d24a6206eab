package cn.hotline.intake.service;

import java.time.Instant;
import java.util.Map;

import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.support.problem.ProblemException;

/** A person's move of a ticket along the status table: one the table refuses is a 409 problem naming the status. */
final class TicketMoves {

    private TicketMoves() {
    }

    static void move(Ticket ticket, TicketStatus next, Instant at) {
        if (!ticket.moveTo(next, at)) {
            throw ProblemException.conflict("ticket " + ticket.number + " is " + ticket.status() + " and cannot become " + next,
                    Map.of("status", ticket.status().name()));
        }
    }
}
