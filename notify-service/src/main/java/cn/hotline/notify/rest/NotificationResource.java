package cn.hotline.notify.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hotline.notify.mapping.NotificationView;
import cn.hotline.notify.service.NotificationLogService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import cn.hotline.support.security.Territory;
import io.smallrye.mutiny.Uni;

/** The notification audit log, and the explicit acknowledgement that stops a stage's later levels. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationLogService log;
    private final JsonWebToken jwt;

    public NotificationResource(NotificationLogService log, JsonWebToken jwt) {
        this.log = log;
        this.jwt = jwt;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<NotificationView>> list(@QueryParam("ticketId") String ticketId) {
        if (ticketId == null || ticketId.isBlank()) {
            throw ProblemException.badRequest("ticketId", "is required");
        }
        return log.byTicket(ticketId, Territory.of(jwt));
    }

    @POST
    @Path("/{id}/ack")
    @RolesAllowed({Roles.HANDLER, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<NotificationView> acknowledge(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("id", "is not a notification id");
        }
        return log.acknowledge(uuid, Roles.onlyHandler(jwt.getGroups()), jwt.getSubject());
    }
}
