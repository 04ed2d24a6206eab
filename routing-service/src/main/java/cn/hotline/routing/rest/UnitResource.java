package cn.hotline.routing.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.domain.Unit;
import cn.hotline.routing.mapping.ImportResult;
import cn.hotline.routing.mapping.UnitImport;
import cn.hotline.routing.mapping.UnitViews.UnitDetail;
import cn.hotline.routing.mapping.UnitViews;
import cn.hotline.routing.service.OrganisationSnapshot;
import cn.hotline.routing.service.RoutingIndex;
import cn.hotline.routing.service.UnitService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Units: import (admin) with people and rosters; queries with masked phone numbers. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
public class UnitResource {

    private final UnitService service;
    private final RoutingIndex index;

    public UnitResource(UnitService service, RoutingIndex index) {
        this.service = service;
        this.index = index;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<ImportResult> importUnits(@NotNull List<@NotNull @Valid UnitImport> units) {
        return service.importUnits(units);
    }

    @GET
    public List<UnitDetail> list(@QueryParam("territoryCode") String territoryCode, @QueryParam("kind") String kind) {
        if ((territoryCode == null || territoryCode.isBlank()) && (kind == null || kind.isBlank())) {
            throw ProblemException.badRequest("territoryCode", "give territoryCode or kind");
        }
        OrganisationSnapshot org = index.organisation();
        return org.units().stream()
                .filter(u -> territoryCode == null || u.territoryCode().equals(territoryCode))
                .filter(u -> kind == null || u.kind().equals(kind))
                .sorted(Comparator.comparing(Unit::code)).map(u -> UnitViews.detail(u, org)).toList();
    }

    @GET
    @Path("/{code}")
    public UnitDetail get(@PathParam("code") String code) {
        OrganisationSnapshot org = index.organisation();
        return UnitViews.detail(org.unit(code).orElseThrow(() -> ProblemException.notFound("unit " + code)), org);
    }
}
