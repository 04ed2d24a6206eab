package cn.hotline.intake.rest;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.intake.domain.HandoverStatus;
import cn.hotline.intake.mapping.PoliceHandoverView;
import cn.hotline.intake.service.PoliceHandoverService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Hand-overs to 110 for operators: which are waiting or FAILED and why, and another round for a FAILED one. */
@Path("/api/v1/police-handovers")
@Produces(MediaType.APPLICATION_JSON)
public class PoliceHandoverResource {

    private static final int MAX_LIMIT = 500;

    private final PoliceHandoverService handovers;
    private final SecurityIdentity identity;

    public PoliceHandoverResource(PoliceHandoverService handovers, SecurityIdentity identity) {
        this.handovers = handovers;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<PoliceHandoverView>> list(@QueryParam("status") String status, @QueryParam("ticketId") String ticketId,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        return handovers.list(status(status), ticketId(ticketId), limit(limit), Reader.of(identity).territory());
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<PoliceHandoverView> retry(@PathParam("id") UUID id) {
        return handovers.retry(id, identity.getPrincipal().getName(), Reader.of(identity).territory());
    }

    private static HandoverStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return HandoverStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of PENDING, DELIVERED, FAILED");
        }
    }

    private static UUID ticketId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("ticketId", "must be a ticket id (UUID)");
        }
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be a number from 1 to " + MAX_LIMIT);
    }
}
