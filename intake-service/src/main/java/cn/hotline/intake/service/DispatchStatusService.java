package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.domain.TicketTransitions;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.intake.repository.TicketTrailRepository;
import cn.hotline.intake.repository.TicketUnitRepository;
import io.smallrye.mutiny.Uni;

/**
 * Citizen-visible status from dispatch events: assigned → DISPATCHED; signed/arrived/handled → IN_PROGRESS;
 * completed → AWAITING_FOLLOWUP. Runs inside the idempotent consumer's transaction. A move the status
 * table does not allow (a late event after a merge or close) is ignored, not an error. Reaching
 * AWAITING_FOLLOWUP emits {@code ticket.awaiting-follow-up} (notify's completion SMS and survey) in the same transaction.
 */
@ApplicationScoped
public class DispatchStatusService {

    private static final Logger LOG = Logger.getLogger(DispatchStatusService.class);
    private static final Map<String, TicketStatus> STATUS_BY_EVENT = Map.of(
            EventTypes.DISPATCH_ASSIGNED, TicketStatus.DISPATCHED,
            EventTypes.DISPATCH_SIGNED, TicketStatus.IN_PROGRESS,
            EventTypes.DISPATCH_ARRIVED, TicketStatus.IN_PROGRESS,
            EventTypes.DISPATCH_HANDLED, TicketStatus.IN_PROGRESS,
            EventTypes.DISPATCH_COMPLETED, TicketStatus.AWAITING_FOLLOWUP);

    /** The dispatch events that change what intake shows; the others are passed over unread. */
    public static final Set<String> APPLIED_TYPES = Stream.concat(STATUS_BY_EVENT.keySet().stream(), Stream.of(
            EventTypes.DISPATCH_ASSIGNED, EventTypes.DISPATCH_REASSIGNED, EventTypes.DISPATCH_EXTENSION_DECIDED))
            .collect(Collectors.toUnmodifiableSet());

    private final TicketRepository tickets;
    private final TicketUnitRepository units;
    private final TicketTrailRepository trail;
    private final TicketEvents events;
    private final Clock clock;

    public DispatchStatusService(TicketRepository tickets, TicketUnitRepository units, TicketTrailRepository trail, TicketEvents events, Clock clock) {
        this.tickets = tickets;
        this.units = units;
        this.trail = trail;
        this.events = events;
        this.clock = clock;
    }

    /** What {@code next} may be reached from here: the table's sources; a repeated status only for a re-dispatch. */
    private static Set<TicketStatus> sources(TicketStatus next) {
        Set<TicketStatus> sources = TicketTransitions.sources(next);
        if (next != TicketStatus.DISPATCHED) {
            sources.remove(next);
        }
        return sources;
    }

    public Uni<Void> apply(String type, DispatchEvent event) {
        UUID ticketId;
        try {
            ticketId = UUID.fromString(event.ticketId());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> visibility = switch (type) {
            case EventTypes.DISPATCH_ASSIGNED -> units.add(ticketId, event.dispatchId(), event.lead(), event.assisting());
            case EventTypes.DISPATCH_REASSIGNED -> event.previousDispatchId() == null ? Uni.createFrom().voidItem()
                    : units.removeDispatch(ticketId, event.previousDispatchId()).replaceWithVoid();
            // The petitioner is owed the reason a time limit was extended (信访工作条例).
            case EventTypes.DISPATCH_EXTENSION_DECIDED -> Boolean.TRUE.equals(event.extensionApproved())
                    ? trail.append(ticketId, "TIME_LIMIT_EXTENDED", event.actor(), event.extensionDuration(), event.note(),
                            event.actionAt() == null ? clock.instant() : event.actionAt()).replaceWithVoid()
                    : Uni.createFrom().voidItem();
            default -> Uni.createFrom().voidItem();
        };
        TicketStatus next = STATUS_BY_EVENT.get(type);
        if (next == null) {
            return visibility;
        }
        Instant at = event.actionAt() == null ? clock.instant() : event.actionAt();
        if (next != TicketStatus.AWAITING_FOLLOWUP) {
            return visibility.flatMap(ignored -> tickets.moveAndRecord(ticketId, next, sources(next), clock.instant(),
                    "STATUS_" + next, event.actor(), event.dispatchId(), type, at)).invoke(moved -> {
                        if (!moved) {
                            LOG.infof("ticket %s: %s ignored (unknown, or in a status it does not move from)", ticketId, type);
                        }
                    }).replaceWithVoid();
        }
        // Completion announces the ticket (notify's survey SMS), so it is loaded and moved as an entity.
        return visibility.flatMap(ignored -> tickets.findById(ticketId)).flatMap(ticket -> {
            if (ticket == null) {
                return Uni.createFrom().voidItem();
            }
            TicketStatus from = ticket.status();
            if (from == next && next != TicketStatus.DISPATCHED) {
                return Uni.createFrom().voidItem();
            }
            if (!ticket.moveTo(next, clock.instant())) {
                LOG.infof("ticket %s: %s ignored in status %s", ticket.number, type, from);
                return Uni.createFrom().voidItem();
            }
            Uni<Void> announced = next == TicketStatus.AWAITING_FOLLOWUP ? events.awaitingFollowUp(ticket, event.dispatchId(), at)
                    : Uni.createFrom().voidItem();
            return announced.flatMap(ignored -> trail.append(ticket.id, "STATUS_" + next, event.actor(), event.dispatchId(), type, at))
                    .replaceWithVoid();
        });
    }
}
