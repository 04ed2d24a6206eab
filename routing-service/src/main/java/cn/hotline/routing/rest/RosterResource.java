package cn.hotline.routing.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
import jakarta.ws.rs.core.Response;

import cn.hotline.routing.config.RosterConfig;
import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.routing.domain.Unit;
import cn.hotline.routing.mapping.RosterImport;
import cn.hotline.routing.mapping.RosterViews;
import cn.hotline.routing.mapping.SwapRequest;
import cn.hotline.routing.service.OrganisationSnapshot;
import cn.hotline.routing.service.RosterService;
import cn.hotline.routing.service.RoutingIndex;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** One unit's real duty for a date range, its swap history, and recording a swap (换班, admin). */
@Path("/api/v1/units/{unitCode}/roster")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
public class RosterResource {

    private final RosterService service;
    private final RoutingIndex index;
    private final RoutingConfig routing;
    private final RosterConfig config;
    private final CurrentActor actor;

    public RosterResource(RosterService service, RoutingIndex index, RoutingConfig routing, RosterConfig config,
            CurrentActor actor) {
        this.service = service;
        this.index = index;
        this.routing = routing;
        this.config = config;
        this.actor = actor;
    }

    @GET
    public RosterViews.RosterView roster(@PathParam("unitCode") String unitCode, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        OrganisationSnapshot org = index.organisation();
        Unit unit = org.unit(unitCode).orElseThrow(() -> ProblemException.notFound("unit " + unitCode));
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days < 1) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (days > config.maxQueryDays()) {
            throw ProblemException.badRequest("to", "at most " + config.maxQueryDays() + " days per query");
        }
        return RosterViews.roster(unit, org.unitRoster(unitCode).orElseThrow(), org, first, last, routing.zone());
    }

    @GET
    @Path("/swaps")
    public List<RosterViews.SwapView> swaps(@PathParam("unitCode") String unitCode) {
        OrganisationSnapshot org = index.organisation();
        return org.unitRoster(unitCode).orElseThrow(() -> ProblemException.notFound("unit " + unitCode)).swaps()
                .stream().map(s -> RosterViews.swap(s, org)).toList();
    }

    @POST
    @Path("/swaps")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> swap(@PathParam("unitCode") String unitCode, SwapRequest body) {
        index.organisation().unit(unitCode).orElseThrow(() -> ProblemException.notFound("unit " + unitCode));
        if (body == null) {
            throw ProblemException.badRequest("$", "a swap is required");
        }
        RosterImport.SwapImport swap = new RosterImport.SwapImport(unitCode, body.date(), body.fromPersonId(),
                body.toPersonId(), body.reason(), body.requestedBy());
        RosterImport.Batch batch = new RosterImport.Batch(List.of(), List.of(),
                List.of(new RosterImport.Labeled<>("", swap)));
        return service.importBatch(batch, actor.get().personId()).map(result -> result.recorded().isEmpty()
                ? Response.ok(previous(unitCode, body)).build()
                : Response.status(Response.Status.CREATED)
                        .entity(RosterViews.swap(result.recorded().get(0), index.organisation())).build());
    }

    /** The swap recorded before, for a re-sent request. */
    private RosterViews.SwapView previous(String unitCode, SwapRequest body) {
        OrganisationSnapshot org = index.organisation();
        return org.unitRoster(unitCode).orElseThrow().swaps().stream()
                .filter(s -> s.date().toString().equals(body.date().strip()) && s.fromPersonId().equals(body.fromPersonId())
                        && s.toPersonId().equals(body.toPersonId()))
                .reduce((a, b) -> b).map(s -> RosterViews.swap(s, org)).orElseThrow();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date yyyy-MM-dd");
        }
    }
}
