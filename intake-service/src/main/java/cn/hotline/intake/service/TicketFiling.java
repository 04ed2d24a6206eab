package cn.hotline.intake.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.TerritoryResult;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.mapping.TicketMapper;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.intake.repository.TicketTrailRepository;
import io.smallrye.mutiny.Uni;

/**
 * Files a placed draft as a new ticket inside the registration's transaction: screened, numbered, stored, announced
 * ({@code ticket.created} and any alerts), and a transfer-in put on its trail.
 */
@ApplicationScoped
public class TicketFiling {

    /** The filed ticket and what screening found. */
    public record Filed(Ticket ticket, TicketScreening.Verdict verdict) {
    }

    private final TicketScreening screening;
    private final TicketNumbering numbering;
    private final TicketRepository tickets;
    private final TicketEvents events;
    private final TicketTrailRepository trail;
    private final TicketMapper mapper;
    private final CallerKeys callerKeys;

    public TicketFiling(TicketScreening screening, TicketNumbering numbering, TicketRepository tickets, TicketEvents events,
            TicketTrailRepository trail, TicketMapper mapper, CallerKeys callerKeys) {
        this.screening = screening;
        this.numbering = numbering;
        this.tickets = tickets;
        this.events = events;
        this.trail = trail;
        this.mapper = mapper;
        this.callerKeys = callerKeys;
    }

    /** Runs inside the caller's transaction. */
    public Uni<Filed> file(UUID id, TicketDraft draft, TerritoryResult territory, TicketScreening.Signals signals, Instant now) {
        Ticket ticket = draft.toTicket(id, territory, mapper.attachmentsJson(draft.attachments()), now);
        ticket.callerPhoneHmac = callerKeys.phone(ticket.callerPhone);
        ticket.callerIdHmac = callerKeys.idNumber(ticket.callerIdNumber);
        return screening.screen(ticket, signals, now).flatMap(verdict -> numbering.next(now).flatMap(number -> {
            ticket.number = number;
            return tickets.persist(ticket)
                    .flatMap(saved -> events.created(ticket))
                    .flatMap(ignored -> screening.announce(ticket, verdict, now))
                    .flatMap(ignored -> ticket.externalRef == null ? Uni.createFrom().item(0)
                            : trail.append(ticket.id, "TRANSFERRED_IN", ticket.operatorId, ticket.externalRef, ticket.channel.name(), now))
                    .replaceWith(new Filed(ticket, verdict));
        }));
    }
}
