package cn.hotline.routing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.mapping.ImportResult;
import cn.hotline.routing.mapping.TerritoryViews.Child;
import cn.hotline.routing.mapping.TerritoryViews.TerritoryView;
import cn.hotline.routing.mapping.TerritoryViews;
import cn.hotline.routing.service.ResolvedTerritory;
import cn.hotline.routing.service.RoutingIndex;
import cn.hotline.routing.service.TerritoryQuery;
import cn.hotline.routing.service.TerritoryResolver;
import cn.hotline.routing.service.TerritoryService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** The territory tree: import (admin) of division CSV and boundary GeoJSON, queries and resolution. */
@Path("/api/v1/territories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
public class TerritoryResource {

    private final TerritoryService service;
    private final TerritoryResolver resolver;
    private final RoutingIndex index;

    public TerritoryResource(TerritoryService service, TerritoryResolver resolver, RoutingIndex index) {
        this.service = service;
        this.resolver = resolver;
        this.index = index;
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    public Uni<ImportResult> importDivisions(String csv) {
        return service.importDivisions(csv);
    }

    @POST
    @Path("/boundaries")
    @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
    @RolesAllowed(Roles.ADMIN)
    public Uni<ImportResult> importBoundaries(String geoJson) {
        return service.importBoundaries(geoJson);
    }

    @GET
    @Path("/{code}")
    public TerritoryView get(@PathParam("code") String code) {
        return TerritoryViews.view(index.organisation().territory(code)
                .orElseThrow(() -> ProblemException.notFound("territory " + code)), index.organisation());
    }

    @GET
    public List<Child> children(@QueryParam("parentCode") String parentCode) {
        if (parentCode == null || parentCode.isBlank()) {
            return index.organisation().territories().stream().filter(t -> t.parentCode() == null
                            || index.organisation().territory(t.parentCode()).isEmpty())
                    .map(TerritoryViews::child).toList();
        }
        return index.organisation().children(parentCode).stream().map(TerritoryViews::child).toList();
    }

    @GET
    @Path("/resolve")
    public ResolvedTerritory resolve(@QueryParam("lat") Double lat, @QueryParam("lon") Double lon,
            @QueryParam("address") String address) {
        return resolver.resolve(new TerritoryQuery(null, null, null, null, lat, lon, address));
    }
}
