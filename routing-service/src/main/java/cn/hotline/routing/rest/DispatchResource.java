package cn.hotline.routing.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchActionLog;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.Queue;
import cn.hotline.routing.service.Actor;
import cn.hotline.routing.service.DispatchScope;
import cn.hotline.routing.mapping.DispatchMapper;
import cn.hotline.routing.mapping.DispatchView;
import cn.hotline.routing.repository.DispatchActionRepository;
import cn.hotline.routing.repository.DispatchRepository;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import cn.hotline.support.security.Territory;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reading dispatches: by ticket, the MANUAL queue, one dispatch, its history. */
@Path("/api/v1/dispatches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
public class DispatchResource {

    private final DispatchRepository dispatches;
    private final DispatchActionRepository history;
    private final CurrentActor currentActor;
    private final DispatchScope scope;

    public DispatchResource(DispatchRepository dispatches, DispatchActionRepository history, CurrentActor currentActor,
            DispatchScope scope) {
        this.currentActor = currentActor;
        this.scope = scope;
        this.dispatches = dispatches;
        this.history = history;
    }

    @GET
    @WithSession
    public Uni<List<DispatchView>> list(@QueryParam("ticketId") String ticketId, @QueryParam("queue") String queueName) {
        Queue queue;
        try {
            queue = queueName == null || queueName.isBlank() ? null : Queue.valueOf(queueName.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("queue", "must be AUTO or MANUAL");
        }
        Actor actor = currentActor.get();
        if (ticketId != null && !ticketId.isBlank()) {
            return dispatches.findByTicket(ticketId)
                    .map(list -> list.stream().filter(d -> queue == null || d.queue == queue).filter(d -> scope.sees(actor, d))
                            .map(DispatchMapper::toView).toList());
        }
        if (queue != null) {
            return dispatches.findOpenInQueue(queue)
                    .map(list -> list.stream().filter(d -> scope.sees(actor, d)).map(DispatchMapper::toView).toList());
        }
        throw ProblemException.badRequest("ticketId", "give ticketId or queue");
    }

    /**
     * Every open dispatch (the commander's board), filtered by county, town, lead unit, state and urgency; a handler
     * sees only their own unit's.
     */
    @GET
    @Path("/open")
    @WithSession
    public Uni<List<DispatchView>> open(@QueryParam("county") String county, @QueryParam("town") String town,
            @QueryParam("unit") String unit, @QueryParam("state") String stateName, @QueryParam("urgency") String urgency,
            @QueryParam("limit") @jakarta.ws.rs.DefaultValue("2000") int limit) {
        java.util.List<cn.hotline.support.problem.Problem.FieldError> errors = new java.util.ArrayList<>();
        if (county != null && !county.matches("^\\d{6}$")) {
            errors.add(new cn.hotline.support.problem.Problem.FieldError("county", "must be a 6-digit county code"));
        }
        if (town != null && !town.matches("^\\d{9}$")) {
            errors.add(new cn.hotline.support.problem.Problem.FieldError("town", "must be a 9-digit town code"));
        }
        if (unit != null && !unit.matches("^[A-Za-z0-9_-]{1,64}$")) {
            errors.add(new cn.hotline.support.problem.Problem.FieldError("unit", "must be a unit code"));
        }
        if (urgency != null && !urgency.matches("^(URGENT|NORMAL)$")) {
            errors.add(new cn.hotline.support.problem.Problem.FieldError("urgency", "must be URGENT or NORMAL"));
        }
        if (limit < 1 || limit > 5000) {
            errors.add(new cn.hotline.support.problem.Problem.FieldError("limit", "must be between 1 and 5000"));
        }
        DispatchState state = null;
        if (stateName != null && !stateName.isBlank()) {
            try {
                state = DispatchState.valueOf(stateName.strip().toUpperCase());
                if (!state.open()) {
                    errors.add(new cn.hotline.support.problem.Problem.FieldError("state", "must be an open state"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new cn.hotline.support.problem.Problem.FieldError("state", "unknown state '" + stateName + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Actor actor = currentActor.get();
        String scopedUnit = actor.onlyHandler() ? actor.unitCode() : blankToNull(unit);
        // A desk kept to a territory asks within it; a filter outside it finds nothing (as if it were empty).
        Territory desk = actor.onlyHandler() ? Territory.CITY : actor.territory();
        Territory.Narrowed place = desk.narrow(blankToNull(county), blankToNull(town));
        if (place.nothing()) {
            return Uni.createFrom().item(List.of());
        }
        return dispatches.findOpen(new DispatchRepository.BoardFilter(place.county(), place.town(), scopedUnit,
                state, blankToNull(urgency), limit)).map(list -> list.stream().map(DispatchMapper::toView).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<DispatchView> get(@PathParam("id") UUID id) {
        return visible(id).map(DispatchMapper::toView);
    }

    @GET
    @Path("/{id}/history")
    @WithSession
    public Uni<List<DispatchActionLog>> history(@PathParam("id") UUID id) {
        return visible(id).chain(dispatch -> history.findByDispatch(id));
    }

    /** The dispatch if the caller may see it; another unit's is answered exactly as a missing one (no probing). */
    private Uni<Dispatch> visible(UUID id) {
        Actor actor = currentActor.get();
        return dispatches.findById(id).map(d -> d != null && scope.sees(actor, d) ? d : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("dispatch " + id));
    }
}
