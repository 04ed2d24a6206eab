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

import cn.hotline.routing.domain.DispatchActionLog;
import cn.hotline.routing.domain.Queue;
import cn.hotline.routing.mapping.DispatchMapper;
import cn.hotline.routing.mapping.DispatchView;
import cn.hotline.routing.repository.DispatchActionRepository;
import cn.hotline.routing.repository.DispatchRepository;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
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

    public DispatchResource(DispatchRepository dispatches, DispatchActionRepository history) {
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
        if (ticketId != null && !ticketId.isBlank()) {
            return dispatches.findByTicket(ticketId)
                    .map(list -> list.stream().filter(d -> queue == null || d.queue == queue)
                            .map(DispatchMapper::toView).toList());
        }
        if (queue != null) {
            return dispatches.findOpenInQueue(queue).map(list -> list.stream().map(DispatchMapper::toView).toList());
        }
        throw ProblemException.badRequest("ticketId", "give ticketId or queue");
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<DispatchView> get(@PathParam("id") UUID id) {
        return dispatches.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("dispatch " + id))
                .map(DispatchMapper::toView);
    }

    @GET
    @Path("/{id}/history")
    @WithSession
    public Uni<List<DispatchActionLog>> history(@PathParam("id") UUID id) {
        return history.findByDispatch(id);
    }
}
