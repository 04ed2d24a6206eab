package cn.hotline.intake.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.intake.mapping.FollowUpRequest;
import cn.hotline.intake.mapping.MergeRequest;
import cn.hotline.intake.mapping.TicketView;
import cn.hotline.intake.mapping.TransferOutRequest;
import cn.hotline.intake.service.FollowUpService;
import cn.hotline.intake.service.ReaderScope;
import cn.hotline.intake.service.TicketActionService;
import cn.hotline.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** What operators and supervisors do to an existing ticket: merge, follow-up, transfer to 110. */
@Path("/api/v1/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketActionResource {

    private final TicketActionService actions;
    private final FollowUpService followUps;
    private final SecurityIdentity identity;

    public TicketActionResource(TicketActionService actions, FollowUpService followUps, SecurityIdentity identity) {
        this.actions = actions;
        this.followUps = followUps;
        this.identity = identity;
    }

    @POST
    @Path("/merge")
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.SUPERVISOR})
    public Uni<TicketView> merge(@PathParam("id") UUID id, @Valid @NotNull MergeRequest request) {
        ReaderScope reader = Reader.of(identity);
        return actions.merge(id, request.masterTicketId(), reader);
    }

    @POST
    @Path("/follow-up")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    public Uni<TicketView> followUp(@PathParam("id") UUID id, @Valid @NotNull FollowUpRequest request) {
        ReaderScope reader = Reader.of(identity);
        return followUps.record(id, request, FollowUpService.BY_FOLLOW_UP, reader);
    }

    @POST
    @Path("/transfer-out")
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.SUPERVISOR})
    public Uni<TicketView> transferOut(@PathParam("id") UUID id, @Valid @NotNull TransferOutRequest request) {
        ReaderScope reader = Reader.of(identity);
        return actions.transferOut(id, request, reader);
    }
}
