package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.events.Satisfaction;
import cn.hotline.events.payload.TicketClosed;
import cn.hotline.events.payload.TicketReopened;
import cn.hotline.intake.domain.Resolution;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.mapping.FollowUpRequest;
import cn.hotline.intake.mapping.TicketMapper;
import cn.hotline.intake.mapping.TicketView;
import cn.hotline.intake.repository.FollowUpRepository;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.intake.repository.TicketTrailRepository;
import cn.hotline.support.problem.ConcurrentChanges;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Follow-up (回访): records the answers, then reopens (重办, ticket.reopened) or closes (ticket.closed). The operator's
 * call ({@link #BY_FOLLOW_UP}) and the citizen's SMS survey reply ({@link #BY_SMS}, satisfaction only, no resolution)
 * go through the same {@link #record}.
 */
@ApplicationScoped
public class FollowUpService {

    public static final String BY_FOLLOW_UP = "FOLLOW_UP";
    public static final String BY_AUTO = "AUTO";
    public static final String BY_SMS = "SMS";
    private static final String SYSTEM = "system";

    private final TicketRepository tickets;
    private final FollowUpRepository followUps;
    private final TicketEvents events;
    private final TicketTrailRepository trail;
    private final TicketMapper mapper;
    private final Clock clock;
    private final PiiReadLog piiReads;

    public FollowUpService(TicketRepository tickets, FollowUpRepository followUps, TicketEvents events,
            TicketTrailRepository trail, TicketMapper mapper, Clock clock, PiiReadLog piiReads) {
        this.tickets = tickets;
        this.followUps = followUps;
        this.events = events;
        this.trail = trail;
        this.mapper = mapper;
        this.clock = clock;
        this.piiReads = piiReads;
    }

    /**
     * Records a follow-up answered through {@code closedBy} ({@link #BY_FOLLOW_UP} or {@link #BY_SMS}); a null
     * resolution means it was not asked (the SMS survey asks satisfaction only).
     */
    public Uni<TicketView> record(UUID id, FollowUpRequest request, String closedBy, ReaderScope reader) {
        String actor = reader.subject();
        boolean reopen = Boolean.TRUE.equals(request.reopen());
        Resolution resolution = request.resolution();
        boolean unhappy = (resolution != null && resolution != Resolution.RESOLVED) || request.satisfaction() == Satisfaction.UNSATISFIED;
        if (reopen && !unhappy) {
            throw ProblemException.badRequest("reopen", "only an unresolved, partly resolved or unsatisfied follow-up can reopen");
        }
        Instant now = clock.instant();
        return ConcurrentChanges.replayingLostRace(() -> Panache.withTransaction(() -> tickets.findById(id).flatMap(ticket -> {
            if (ticket == null) {
                throw ProblemException.notFound("ticket " + id);
            }
            if (ticket.status() != TicketStatus.AWAITING_FOLLOWUP) {
                throw ProblemException.conflict("ticket " + ticket.number + " is " + ticket.status()
                        + "; a follow-up is recorded only when it is AWAITING_FOLLOWUP", Map.of("status", ticket.status().name()));
            }
            Uni<Void> outcome = reopen ? reopen(ticket, request, now) : close(ticket, name(resolution),
                    request.satisfaction().name(), closedBy, now);
            FollowUpRepository.Answer answer = new FollowUpRepository.Answer(name(resolution), request.satisfaction().name(),
                    request.note());
            return outcome.flatMap(ignored -> followUps.append(ticket.id, answer, reopen, reopen ? null : closedBy, actor, now))
                    .flatMap(ignored -> trail.append(ticket.id, reopen ? "REOPENED" : "CLOSED", actor, null, request.note(), now))
                    .flatMap(ignored -> piiReads.record(List.of(ticket), reader, "POST /api/v1/tickets/{id}/follow-up"))
                    .map(ignored -> mapper.toView(ticket, reader.fullPii(), List.of()));
        })));
    }

    private Uni<Void> reopen(Ticket ticket, FollowUpRequest request, Instant now) {
        TicketMoves.move(ticket, TicketStatus.DISPATCHED, now);
        ticket.reopenCount++;
        TicketReopened payload = new TicketReopened(TicketReopened.SCHEMA_VERSION, ticket.id.toString(), ticket.number,
                ticket.kind.name(), ticket.urgency.name(), ticket.categoryCode, ticket.territory().toRef(),
                name(request.resolution()), request.satisfaction().name(), request.note(), ticket.reopenCount, now);
        return events.emit(EventTypes.TICKET_REOPENED, ticket.id, payload);
    }

    /** Closes a ticket whose follow-up went unanswered (closedBy AUTO); runs inside the sweep's transaction. */
    Uni<Void> autoClose(Ticket ticket, Instant now) {
        return close(ticket, null, null, BY_AUTO, now)
                .flatMap(ignored -> followUps.append(ticket.id, new FollowUpRepository.Answer(null, null, null), false, BY_AUTO,
                        SYSTEM, now))
                .flatMap(ignored -> trail.append(ticket.id, "CLOSED", SYSTEM, null, "follow-up unanswered", now))
                .replaceWithVoid();
    }

    /** Closes a ticket awaiting follow-up. */
    private Uni<Void> close(Ticket ticket, String resolution, String satisfaction, String closedBy, Instant now) {
        TicketMoves.move(ticket, TicketStatus.CLOSED, now);
        TicketClosed payload = new TicketClosed(TicketClosed.SCHEMA_VERSION, ticket.id.toString(), ticket.number,
                ticket.urgency.name(), ticket.kind.name(), ticket.territory().toRef(), resolution, satisfaction, closedBy,
                ticket.reopenCount, now);
        return events.emit(EventTypes.TICKET_CLOSED, ticket.id, payload);
    }

    private static String name(Resolution resolution) {
        return resolution == null ? null : resolution.name();
    }
}
