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
import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.notify.service.ReminderLadderScheduler;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The notification audit log, and the explicit acknowledgement that stops a stage's later levels. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationRepository notifications;
    private final ReminderLadderScheduler ladder;
    private final JsonWebToken jwt;

    public NotificationResource(NotificationRepository notifications, ReminderLadderScheduler ladder, JsonWebToken jwt) {
        this.notifications = notifications;
        this.ladder = ladder;
        this.jwt = jwt;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<NotificationView>> list(@QueryParam("ticketId") String ticketId) {
        if (ticketId == null || ticketId.isBlank()) {
            throw ProblemException.badRequest("ticketId", "is required");
        }
        return notifications.byTicket(ticketId).map(list -> list.stream().map(NotificationView::of).toList());
    }

    @POST
    @Path("/{id}/ack")
    @WithTransaction
    @RolesAllowed({Roles.HANDLER, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<NotificationView> acknowledge(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("id", "is not a notification id");
        }
        // A handler acknowledges only what was sent to them: another person's reminder is answered as missing.
        boolean onlyHandler = Roles.onlyHandler(jwt.getGroups());
        String subject = jwt.getSubject();
        return notifications.findById(uuid).flatMap(n -> {
            if (n == null || (onlyHandler && !java.util.Objects.equals(subject, n.recipientId))) {
                return Uni.createFrom().failure(ProblemException.notFound("notification " + id));
            }
            if (n.stage == null || n.scope == null) {
                return Uni.createFrom().failure(ProblemException.unprocessable("notification " + id + " is not part of an escalation"));
            }
            List<String> scopes = n.ticketId == null ? List.of(n.scope) : List.of(n.scope, n.ticketId);
            return ladder.stop(scopes, n.stage, "ACKNOWLEDGED").replaceWith(NotificationView.of(n));
        });
    }
}
