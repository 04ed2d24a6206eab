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

import cn.hotline.notify.mapping.ReminderLadderDto;
import cn.hotline.notify.service.ReminderLadderService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Reminder ladders (催办) per policy and stage: read by staff, replaced by administrators. The path keeps the contract's name. */
@Path("/api/v1/escalation-chains")
@Produces(MediaType.APPLICATION_JSON)
public class ReminderLadderResource {

    private final ReminderLadderService chains;

    public ReminderLadderResource(ReminderLadderService chains) {
        this.chains = chains;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<ReminderLadderDto>> list() {
        return chains.all();
    }

    @PUT
    @Path("/{policyCode}/{stage}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<ReminderLadderDto> replace(@PathParam("policyCode") String policyCode, @PathParam("stage") String stage,
            @Valid @NotNull ReminderLadderDto chain) {
        if (!policyCode.equals(chain.policyCode())) {
            throw ProblemException.badRequest("policyCode", "must match the path");
        }
        if (!stage.equals(chain.stage())) {
            throw ProblemException.badRequest("stage", "must match the path");
        }
        return chains.replace(chain);
    }
}
