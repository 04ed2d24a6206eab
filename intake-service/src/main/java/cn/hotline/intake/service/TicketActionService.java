package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.TicketMerged;
import cn.hotline.events.payload.TicketTransferredOut;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.mapping.TicketMapper;
import cn.hotline.intake.mapping.TicketView;
import cn.hotline.intake.mapping.TransferOutRequest;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.intake.repository.TicketTrailRepository;
import cn.hotline.support.problem.ConcurrentChanges;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Merge (并单) into a master ticket and transfer-out to 110 (with its hand-over), each with its event and trail entry. */
@ApplicationScoped
public class TicketActionService {

    private final TicketRepository tickets;
    private final TicketEvents events;
    private final TicketTrailRepository trail;
    private final TicketMapper mapper;
    private final PoliceHandoverService handovers;
    private final Clock clock;
    private final PiiReadLog piiReads;

    public TicketActionService(TicketRepository tickets, TicketEvents events, TicketTrailRepository trail, TicketMapper mapper,
            PoliceHandoverService handovers, Clock clock, PiiReadLog piiReads) {
        this.tickets = tickets;
        this.events = events;
        this.trail = trail;
        this.mapper = mapper;
        this.handovers = handovers;
        this.clock = clock;
        this.piiReads = piiReads;
    }

    /** Merges into the master; the answer shows full numbers to an operator or supervisor, and that read is recorded. */
    public Uni<TicketView> merge(UUID id, UUID masterId, ReaderScope reader) {
        String actor = reader.subject();
        if (id.equals(masterId)) {
            throw ProblemException.badRequest("masterTicketId", "a ticket cannot be merged into itself");
        }
        Instant now = clock.instant();
        return ConcurrentChanges.replayingLostRace(() -> Panache.withTransaction(() -> load(id).flatMap(ticket -> load(masterId, "masterTicketId").flatMap(master -> {
            if (!master.status().isOpen()) {
                throw ProblemException.conflict("master ticket " + master.number + " is " + master.status(),
                        Map.of("masterStatus", master.status().name()));
            }
            TicketMoves.move(ticket, TicketStatus.MERGED, now);
            ticket.masterTicketId = master.id;
            TicketMerged payload = new TicketMerged(TicketMerged.SCHEMA_VERSION, ticket.id.toString(), ticket.number,
                    master.id.toString(), master.number, actor, now);
            return events.emit(EventTypes.TICKET_MERGED, ticket.id, payload)
                    .flatMap(ignored -> trail.append(ticket.id, "MERGED", actor, master.number, null, now))
                    .flatMap(ignored -> trail.append(master.id, "MERGED_IN", actor, ticket.number, null, now))
                    .flatMap(ignored -> piiReads.record(List.of(ticket), reader, "POST /api/v1/tickets/{id}/merge"))
                    .map(ignored -> mapper.toView(ticket, reader.fullPii(), List.of()));
        }))));
    }

    public Uni<TicketView> transferOut(UUID id, TransferOutRequest request, ReaderScope reader) {
        String actor = reader.subject();
        Instant now = clock.instant();
        String target = request.target() == null || request.target().isBlank() ? "110" : request.target().strip();
        return ConcurrentChanges.replayingLostRace(() -> Panache.withTransaction(() -> load(id).flatMap(ticket -> {
            TicketMoves.move(ticket, TicketStatus.TRANSFERRED_OUT, now);
            TicketTransferredOut payload = new TicketTransferredOut(TicketTransferredOut.SCHEMA_VERSION, ticket.id.toString(),
                    ticket.number, target, request.reason(), actor, now);
            boolean to110 = PoliceHandoverService.TARGET_110.equals(target);
            // The hand-over row commits with the status change and the event, or none of them does.
            return events.emit(EventTypes.TICKET_TRANSFERRED_OUT, ticket.id, payload)
                    .flatMap(ignored -> trail.append(ticket.id, "TRANSFERRED_OUT", actor, target, request.reason(), now))
                    .flatMap(ignored -> to110 ? handovers.open(ticket, request.reason(), actor, now).replaceWithVoid()
                            : Uni.createFrom().voidItem())
                    .flatMap(ignored -> piiReads.record(List.of(ticket), reader, "POST /api/v1/tickets/{id}/transfer-out"))
                    .map(ignored -> mapper.toView(ticket, reader.fullPii(), List.of()));
        }))).invoke(handovers::committed);
    }

    private Uni<Ticket> load(UUID id) {
        return load(id, null);
    }

    private Uni<Ticket> load(UUID id, String field) {
        return tickets.findById(id).map(ticket -> {
            if (ticket == null) {
                if (field != null) {
                    throw ProblemException.badRequest(field, "ticket " + id + " does not exist");
                }
                throw ProblemException.notFound("ticket " + id);
            }
            return ticket;
        });
    }
}
