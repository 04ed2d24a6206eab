package cn.hotline.intake.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.intake.domain.TerritoryResult;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.mapping.TicketMapper;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.intake.repository.TicketTrailRepository;
import io.smallrye.mutiny.Uni;

/**
 * Files a placed draft as a new ticket: built with its caller keys, then (screened by the caller) numbered, stored and
 * announced ({@code ticket.created} and any alerts) inside the registration's transaction, a transfer-in put on its
 * trail.
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

    /** The new ticket a placed draft becomes, with its caller keys: not yet screened, numbered or stored. */
    public Ticket ticket(UUID id, TicketDraft draft, TerritoryResult territory, Instant now) {
        Ticket ticket = draft.toTicket(id, territory, mapper.attachmentsJson(draft.attachments()), now);
        ticket.callerPhoneHmac = callerKeys.phone(ticket.callerPhone);
        ticket.callerIdHmac = callerKeys.idNumber(ticket.callerIdNumber);
        return ticket;
    }

    /**
     * Numbers the screened {@code ticket} and stores it with its events, its trail entry and what {@code alongside}
     * writes (the registration's answer under its key), inside the caller's transaction; the item is
     * {@code alongside}'s. None of these statements needs another's result, so they go to PostgreSQL together,
     * pipelined on the transaction's connection in this order, instead of one round trip each: under load every
     * round trip inside the transaction waits for a core as well.
     */
    public <T> Uni<T> file(Ticket ticket, TicketScreening.Verdict verdict, Instant now, Function<Filed, Uni<T>> alongside) {
        return numbering.next(now).flatMap(number -> {
            ticket.number = number;
            List<Uni<?>> writes = new ArrayList<>();
            writes.add(tickets.insertNew(ticket));
            writes.add(events.created(ticket));
            writes.add(screening.announce(ticket, verdict, now));
            if (ticket.externalRef != null) {
                writes.add(trail.append(ticket.id, "TRANSFERRED_IN", ticket.operatorId, ticket.externalRef,
                        ticket.channel.name(), now));
            }
            writes.add(alongside.apply(new Filed(ticket, verdict)));
            return Uni.combine().all().unis(writes).with(results -> {
                @SuppressWarnings("unchecked")
                T answer = (T) results.get(results.size() - 1);
                return answer;
            });
        });
    }
}
