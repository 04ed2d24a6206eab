package cn.hotline.notify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.notify.mapping.EscalationChainDto;
import cn.hotline.notify.service.EscalationChainService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Escalation chains per policy and stage: read by staff, replaced by administrators. */
@Path("/api/v1/escalation-chains")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationChainResource {

    private final EscalationChainService chains;

    public EscalationChainResource(EscalationChainService chains) {
        this.chains = chains;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<EscalationChainDto>> list() {
        return chains.all();
    }

    @PUT
    @Path("/{policyCode}/{stage}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<EscalationChainDto> replace(@PathParam("policyCode") String policyCode, @PathParam("stage") String stage,
            @Valid @NotNull EscalationChainDto chain) {
        if (!policyCode.equals(chain.policyCode())) {
            throw ProblemException.badRequest("policyCode", "must match the path");
        }
        if (!stage.equals(chain.stage())) {
            throw ProblemException.badRequest("stage", "must match the path");
        }
        return chains.replace(chain);
    }
}
