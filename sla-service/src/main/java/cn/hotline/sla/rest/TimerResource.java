package cn.hotline.sla.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.sla.mapping.TimerView;
import cn.hotline.sla.repository.TimerRepository;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Every running or paused stage timer at once, for the commander's board (deadlines and warning instants). */
@Path("/api/v1/timers")
@Produces(MediaType.APPLICATION_JSON)
public class TimerResource {

    private final TimerRepository timers;
    private final Clock clock;

    public TimerResource(TimerRepository timers, Clock clock) {
        this.timers = timers;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    @WithSession
    public Uni<List<TimerView>> active(@QueryParam("limit") @DefaultValue("10000") int limit) {
        if (limit < 1 || limit > 20000) {
            throw ProblemException.badRequest("limit", "must be between 1 and 20000");
        }
        Instant now = clock.instant();
        return timers.active(limit).map(list -> list.stream().map(t -> TimerView.of(t, now)).toList());
    }
}
