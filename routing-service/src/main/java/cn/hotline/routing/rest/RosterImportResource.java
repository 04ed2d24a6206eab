package cn.hotline.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.mapping.RosterImport;
import cn.hotline.routing.service.RosterService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Imports dated shifts, exceptions and swaps (admin): JSON, or CSV with a header line; all or nothing. */
@Path("/api/v1/rosters/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RosterImportResource {

    private final RosterService service;
    private final CurrentActor actor;

    public RosterImportResource(RosterService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RosterService.Result> importJson(RosterImport body) {
        if (body == null) {
            throw ProblemException.badRequest("$", "a roster import is required");
        }
        return service.importBatch(body.batch(), actor.get().personId());
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Uni<RosterService.Result> importCsv(String csv) {
        return service.importCsv(csv, actor.get().personId());
    }
}
