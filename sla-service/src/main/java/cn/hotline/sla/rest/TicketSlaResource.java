package cn.hotline.sla.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.mapping.TimerView;
import cn.hotline.sla.repository.TimerRepository;
import cn.hotline.sla.service.TimerVisibility;
import cn.hotline.sla.service.TimerAdjustments;
import cn.hotline.support.problem.ConcurrentChanges;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A ticket's stage timers, and pause/resume (挂起, e.g. a hearing) that moves their deadlines. */
@Path("/api/v1/tickets/{ticketId}/sla")
@Produces(MediaType.APPLICATION_JSON)
public class TicketSlaResource {

    private final TimerRepository timers;
    private final TimerAdjustments service;
    private final Clock clock;
    private final TimerVisibility visibility;

    public TicketSlaResource(TimerRepository timers, TimerAdjustments service, Clock clock, TimerVisibility visibility) {
        this.timers = timers;
        this.service = service;
        this.clock = clock;
        this.visibility = visibility;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    @WithTransaction
    public Uni<TicketSla> get(@PathParam("ticketId") String ticketId) {
        return timers.byTicket(ticketId).map(all -> {
            // Another unit's ticket is answered exactly as a ticket without timers.
            List<TimerEntity> list = visibility.visible(all);
            if (list.isEmpty()) {
                throw ProblemException.notFound("SLA timers of ticket " + ticketId);
            }
            return view(ticketId, list);
        });
    }

    @POST
    @Path("/pause")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    public Uni<TicketSla> pause(@PathParam("ticketId") String ticketId) {
        return retryingConcurrentChanges(() -> requireVisible(ticketId).chain(() -> service.pause(ticketId, clock.instant())).flatMap(paused -> {
            if (paused.isEmpty()) {
                throw ProblemException.conflict("ticket " + ticketId + " has no running SLA timer to pause",
                        Map.of("ticketId", ticketId));
            }
            return timers.byTicket(ticketId).map(all -> view(ticketId, visibility.visible(all)));
        }));
    }

    @POST
    @Path("/resume")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    public Uni<TicketSla> resume(@PathParam("ticketId") String ticketId) {
        return retryingConcurrentChanges(() -> requireVisible(ticketId).chain(() -> service.resume(ticketId, clock.instant())).flatMap(resumed -> {
            if (resumed.isEmpty()) {
                throw ProblemException.conflict("ticket " + ticketId + " has no paused SLA timer to resume",
                        Map.of("ticketId", ticketId));
            }
            return timers.byTicket(ticketId).map(all -> view(ticketId, visibility.visible(all)));
        }));
    }

    /** Another territory's ticket is paused or resumed as a missing one would be: 404, nothing changed. */
    private Uni<Void> requireVisible(String ticketId) {
        return timers.byTicket(ticketId).map(all -> {
            if (visibility.visible(all).isEmpty()) {
                throw ProblemException.notFound("SLA timers of ticket " + ticketId);
            }
            return null;
        }).replaceWithVoid();
    }

    /**
     * The scheduler may update a timer (a warning firing) while a pause or resume changes it: the loser of the
     * optimistic lock runs again in a fresh transaction instead of answering 500.
     */
    private static Uni<TicketSla> retryingConcurrentChanges(java.util.function.Supplier<Uni<TicketSla>> work) {
        return Panache.withTransaction(work)
                .onFailure(ConcurrentChanges::lostRace).retry().atMost(5)
                .onFailure(ConcurrentChanges::lostRace).transform(failure -> ProblemException.conflict(
                        "the SLA timers changed concurrently; try again", Map.of()));
    }

    private TicketSla view(String ticketId, List<TimerEntity> list) {
        Instant now = clock.instant();
        return new TicketSla(ticketId, list.get(0).ticketNumber, list.get(0).policyCode,
                list.stream().map(t -> TimerView.of(t, now)).toList());
    }

    /** Every stage timer of a ticket. */
    public record TicketSla(String ticketId, String ticketNumber, String policyCode, List<TimerView> timers) {
    }
}
