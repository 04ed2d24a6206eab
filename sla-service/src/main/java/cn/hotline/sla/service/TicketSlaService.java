package cn.hotline.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.mapping.TicketSla;
import cn.hotline.sla.repository.TimerRepository;
import cn.hotline.support.problem.ConcurrentChanges;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A ticket's stage timers as the caller may see them, and pause/resume (挂起) on the API: each call is its own
 * transaction. Another unit's or territory's ticket is answered exactly as a ticket without timers (404).
 */
@ApplicationScoped
public class TicketSlaService {

    private final TimerRepository timers;
    private final TimerAdjustments adjustments;
    private final TimerVisibility visibility;
    private final Clock clock;

    public TicketSlaService(TimerRepository timers, TimerAdjustments adjustments, TimerVisibility visibility,
            Clock clock) {
        this.timers = timers;
        this.adjustments = adjustments;
        this.visibility = visibility;
        this.clock = clock;
    }

    public Uni<TicketSla> get(String ticketId) {
        return Panache.withSession(() -> visible(ticketId)).map(list -> TicketSla.of(ticketId, list, clock.instant()));
    }

    /** Pauses the ticket's running timers; 409 when none is running. */
    public Uni<TicketSla> pause(String ticketId) {
        return retryingConcurrentChanges(() -> visible(ticketId)
                .chain(() -> adjustments.pause(ticketId, clock.instant()))
                .flatMap(paused -> afterwards(ticketId, paused, "has no running SLA timer to pause")));
    }

    /** Resumes the ticket's paused timers, their deadlines moved by the pause; 409 when none is paused. */
    public Uni<TicketSla> resume(String ticketId) {
        return retryingConcurrentChanges(() -> visible(ticketId)
                .chain(() -> adjustments.resume(ticketId, clock.instant()))
                .flatMap(resumed -> afterwards(ticketId, resumed, "has no paused SLA timer to resume")));
    }

    private Uni<TicketSla> afterwards(String ticketId, List<TimerEntity> changed, String noneChanged) {
        if (changed.isEmpty()) {
            throw ProblemException.conflict("ticket " + ticketId + " " + noneChanged, Map.of("ticketId", ticketId));
        }
        return timers.byTicket(ticketId).map(all -> TicketSla.of(ticketId, visibility.visible(all), clock.instant()));
    }

    /** The ticket's timers the caller may see; 404 when there are none. */
    private Uni<List<TimerEntity>> visible(String ticketId) {
        return timers.byTicket(ticketId).map(all -> {
            List<TimerEntity> list = visibility.visible(all);
            if (list.isEmpty()) {
                throw ProblemException.notFound("SLA timers of ticket " + ticketId);
            }
            return list;
        });
    }

    /**
     * The scheduler may update a timer (a warning firing) while a pause or resume changes it: the loser of the
     * optimistic lock runs again from the start in a fresh transaction (service-support's one replay rule); a race
     * still lost after the replays is answered 409 by the shared problem mapping.
     */
    private static Uni<TicketSla> retryingConcurrentChanges(Supplier<Uni<TicketSla>> work) {
        return ConcurrentChanges.replayingLostRace(() -> Panache.withTransaction(work));
    }
}
