package cn.hotline.routing.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.domain.DispatchActionLog;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.Queue;
import cn.hotline.routing.mapping.DispatchMapper;
import cn.hotline.routing.mapping.DispatchView;
import cn.hotline.routing.service.Actor;
import cn.hotline.routing.service.DispatchQueries;
import cn.hotline.support.problem.Problem.FieldError;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Reading dispatches: by ticket, the MANUAL queue, one dispatch, its history. */
@Path("/api/v1/dispatches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
public class DispatchResource {

    private final DispatchQueries queries;
    private final CurrentActor currentActor;

    public DispatchResource(DispatchQueries queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @GET
    public Uni<List<DispatchView>> list(@QueryParam("ticketId") String ticketId, @QueryParam("queue") String queueName) {
        Queue queue;
        try {
            queue = queueName == null || queueName.isBlank() ? null : Queue.valueOf(queueName.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("queue", "must be AUTO or MANUAL");
        }
        Actor actor = currentActor.get();
        if (ticketId != null && !ticketId.isBlank()) {
            return queries.byTicket(actor, ticketId, queue).map(list -> list.stream().map(DispatchMapper::toView).toList());
        }
        if (queue != null) {
            return queries.openInQueue(actor, queue).map(list -> list.stream().map(DispatchMapper::toView).toList());
        }
        throw ProblemException.badRequest("ticketId", "give ticketId or queue");
    }

    /**
     * Every open dispatch (the commander's board), filtered by county, town, lead unit, state and urgency; a handler
     * sees only their own unit's.
     */
    @GET
    @Path("/open")
    public Uni<List<DispatchView>> open(@QueryParam("county") String county, @QueryParam("town") String town,
            @QueryParam("unit") String unit, @QueryParam("state") String stateName, @QueryParam("urgency") String urgency,
            @QueryParam("limit") @DefaultValue("2000") int limit) {
        List<FieldError> errors = new ArrayList<>();
        if (county != null && !county.matches("^\\d{6}$")) {
            errors.add(new FieldError("county", "must be a 6-digit county code"));
        }
        if (town != null && !town.matches("^\\d{9}$")) {
            errors.add(new FieldError("town", "must be a 9-digit town code"));
        }
        if (unit != null && !unit.matches("^[A-Za-z0-9_-]{1,64}$")) {
            errors.add(new FieldError("unit", "must be a unit code"));
        }
        if (urgency != null && !urgency.matches("^(URGENT|NORMAL)$")) {
            errors.add(new FieldError("urgency", "must be URGENT or NORMAL"));
        }
        if (limit < 1 || limit > 5000) {
            errors.add(new FieldError("limit", "must be between 1 and 5000"));
        }
        DispatchState state = null;
        if (stateName != null && !stateName.isBlank()) {
            try {
                state = DispatchState.valueOf(stateName.strip().toUpperCase());
                if (!state.open()) {
                    errors.add(new FieldError("state", "must be an open state"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("state", "unknown state '" + stateName + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return queries.board(currentActor.get(), blankToNull(county), blankToNull(town), blankToNull(unit), state,
                blankToNull(urgency), limit).map(list -> list.stream().map(DispatchMapper::toView).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GET
    @Path("/{id}")
    public Uni<DispatchView> get(@PathParam("id") UUID id) {
        return queries.visible(currentActor.get(), id).map(DispatchMapper::toView);
    }

    @GET
    @Path("/{id}/history")
    public Uni<List<DispatchActionLog>> history(@PathParam("id") UUID id) {
        return queries.history(currentActor.get(), id);
    }
}
