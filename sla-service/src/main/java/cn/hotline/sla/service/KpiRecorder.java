package cn.hotline.sla.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.TicketClosed;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.events.payload.TicketReopened;
import cn.hotline.sla.domain.SlaDuration;
import cn.hotline.sla.domain.Stage;
import cn.hotline.sla.domain.TicketFact;
import cn.hotline.sla.domain.TimeMode;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.repository.DispatchFactRepository;
import cn.hotline.sla.repository.TicketFactRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Keeps the KPI facts of dispatches and tickets up to date: from consumed events (in the consumer's transaction)
 * and from breaches the firing path records (in the firing's transaction).
 */
@ApplicationScoped
public class KpiRecorder {

    static final SlaDuration THREE_DAYS = SlaDuration.parse("P3D");

    private final DispatchFactRepository dispatches;
    private final TicketFactRepository tickets;
    private final CalendarRegistry calendars;

    public KpiRecorder(DispatchFactRepository dispatches, TicketFactRepository tickets, CalendarRegistry calendars) {
        this.dispatches = dispatches;
        this.tickets = tickets;
        this.calendars = calendars;
    }

    public Uni<TicketFact> ticket(String ticketId) {
        return tickets.findById(ticketId);
    }

    public Uni<Void> created(TicketCreated created) {
        return tickets.created(created.ticketId(), created.number(), created.urgency(), created.kind(), created.channel(),
                created.categoryCode(), created.flags() == null ? "" : String.join(",", created.flags()),
                created.receivedAt(), created.territory() == null ? null : created.territory().countyCode(),
                created.territory() == null ? null : created.territory().townCode());
    }

    public Uni<Void> assigned(DispatchEvent event, List<TimerEntity> timers, Instant at) {
        return dispatches.assigned(event.dispatchId(), event.ticketId(),
                event.lead() == null ? null : event.lead().unitCode(),
                event.territory() == null ? null : event.territory().countyCode(),
                event.territory() == null ? null : event.territory().townCode(), event.urgency(), at,
                deadline(timers, Stage.SIGN, Stage.ACCEPT), deadline(timers, Stage.ARRIVE))
                .flatMap(saved -> tickets.findById(event.ticketId())).flatMap(found -> {
            TicketFact fact = found != null ? found : newTicket(event.ticketId());
            fact.ticketNumber = event.ticketNumber() != null ? event.ticketNumber() : fact.ticketNumber;
            fact.urgency = event.urgency() != null ? event.urgency() : fact.urgency;
            fact.kind = event.kind() != null ? event.kind() : fact.kind;
            fact.channel = event.channel() != null ? event.channel() : fact.channel;
            fact.categoryCode = event.categoryCode() != null ? event.categoryCode() : fact.categoryCode;
            fact.unitCode = event.lead() == null ? fact.unitCode : event.lead().unitCode();
            if (event.territory() != null) {
                territory(fact, event.territory().countyCode(), event.territory().townCode());
            }
            if (fact.firstAssignedAt == null) {
                fact.firstAssignedAt = at;
                fact.threeDayDeadline = calendars.get("default").deadline(at, THREE_DAYS, TimeMode.WORKING);
            }
            Instant close = deadline(timers, Stage.CLOSE);
            if (close != null) {
                fact.closeDeadline = close;
            }
            return tickets.persist(fact).replaceWithVoid();
        });
    }

    public Uni<Void> progressed(DispatchEvent event, String type, Instant at) {
        return dispatches.findById(event.dispatchId()).flatMap(fact -> {
            if (fact == null) {
                return Uni.createFrom().voidItem();
            }
            switch (type) {
                case EventTypes.DISPATCH_SIGNED -> fact.signedAt = fact.signedAt == null ? at : fact.signedAt;
                case EventTypes.DISPATCH_ARRIVED -> fact.arrivedAt = fact.arrivedAt == null ? at : fact.arrivedAt;
                case EventTypes.DISPATCH_RETURNED -> fact.returned = true;
                case EventTypes.DISPATCH_COMPLETED -> fact.completedAt = at;
                default -> {
                }
            }
            return Uni.createFrom().voidItem();
        }).flatMap(ok -> !EventTypes.DISPATCH_COMPLETED.equals(type) ? Uni.createFrom().voidItem()
                : tickets.findById(event.ticketId()).invoke(fact -> {
                    if (fact != null && fact.completedAt == null) {
                        fact.completedAt = at;
                    }
                }).replaceWithVoid());
    }

    public Uni<Void> deadlineMoved(String ticketId, List<TimerEntity> timers) {
        Instant close = deadline(timers, Stage.CLOSE);
        return close == null ? Uni.createFrom().voidItem() : tickets.findById(ticketId).invoke(fact -> {
            if (fact != null) {
                fact.closeDeadline = close;
            }
        }).replaceWithVoid();
    }

    public Uni<Void> reopened(TicketReopened reopened) {
        return tickets.findById(reopened.ticketId()).invoke(fact -> {
            if (fact != null) {
                fact.reopenCount = Math.max(fact.reopenCount, reopened.reopenCount());
            }
        }).replaceWithVoid();
    }

    public Uni<Void> closed(TicketClosed closed) {
        return tickets.findById(closed.ticketId()).flatMap(found -> {
            TicketFact fact = found != null ? found : newTicket(closed.ticketId());
            fact.ticketNumber = closed.number() != null ? closed.number() : fact.ticketNumber;
            fact.closedAt = closed.closedAt();
            fact.resolution = closed.resolution();
            fact.satisfaction = closed.satisfaction();
            fact.reopenCount = Math.max(fact.reopenCount, closed.reopenCount());
            return tickets.persist(fact).replaceWithVoid();
        });
    }

    /** The tickets' timers breached: set-based, on the firing transaction's {@code conn}. */
    public Uni<Void> breached(SqlConnection conn, List<String> ticketIds) {
        return ticketIds.isEmpty() ? Uni.createFrom().voidItem() : tickets.markBreached(conn, ticketIds);
    }

    private static void territory(TicketFact fact, String county, String town) {
        fact.countyCode = county != null ? county : fact.countyCode;
        fact.townCode = town != null ? town : fact.townCode;
    }

    private static TicketFact newTicket(String ticketId) {
        TicketFact fact = new TicketFact();
        fact.ticketId = ticketId;
        return fact;
    }

    private static Instant deadline(List<TimerEntity> timers, Stage... stages) {
        for (Stage stage : stages) {
            for (TimerEntity timer : timers) {
                if (timer.stage == stage) {
                    return timer.deadline;
                }
            }
        }
        return null;
    }
}
