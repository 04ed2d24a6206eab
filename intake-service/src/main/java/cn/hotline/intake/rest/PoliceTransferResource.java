package cn.hotline.intake.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.hotline.intake.mapping.PoliceTransferRequest;
import cn.hotline.intake.mapping.TicketMapper;
import cn.hotline.intake.service.PoliceTransferService;
import cn.hotline.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** 110 → 12345 transfers (the police-system adapter calls this); a repeated incident number gives the same ticket. */
@Path("/api/v1/police-transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PoliceTransferResource {

    private final PoliceTransferService transfers;
    private final TicketMapper mapper;
    private final SecurityIdentity identity;

    public PoliceTransferResource(PoliceTransferService transfers, TicketMapper mapper, SecurityIdentity identity) {
        this.transfers = transfers;
        this.mapper = mapper;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<Response> receive(@Valid @NotNull PoliceTransferRequest request) {
        return transfers.receive(request, TicketResource.sha256(mapper.write(request)), identity.getPrincipal().getName())
                .map(created -> Response.created(URI.create("/api/v1/tickets/" + created.id()))
                        .type(MediaType.APPLICATION_JSON).entity(created.json()).build());
    }
}
