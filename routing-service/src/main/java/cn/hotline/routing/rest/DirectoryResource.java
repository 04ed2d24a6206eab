package cn.hotline.routing.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.routing.domain.Territory;
import cn.hotline.routing.domain.TerritoryLevel;
import cn.hotline.routing.domain.Unit;
import cn.hotline.routing.mapping.DirectoryViews;
import cn.hotline.routing.mapping.DirectoryViews.PersonView;
import cn.hotline.routing.service.OrganisationSnapshot;
import cn.hotline.routing.service.RoutingIndex;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;

/** The directory for notify-service and the console: units, leaders, who is on duty, people by id or phone. */
@Path("/api/v1/directory")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE})
public class DirectoryResource {

    static final String COMMAND_CENTRE = "COMMAND_CENTRE";

    private final RoutingIndex index;
    private final RoutingConfig config;
    private final Clock clock;

    public DirectoryResource(RoutingIndex index, RoutingConfig config, Clock clock) {
        this.index = index;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/units/{unitCode}")
    public DirectoryViews.UnitView unit(@PathParam("unitCode") String unitCode) {
        OrganisationSnapshot org = index.organisation();
        return DirectoryViews.unit(org.unit(unitCode).orElseThrow(() -> ProblemException.notFound("unit " + unitCode)), org);
    }

    @GET
    @Path("/units/{unitCode}/on-duty")
    public List<PersonView> onDuty(@PathParam("unitCode") String unitCode, @QueryParam("at") String at) {
        OrganisationSnapshot org = index.organisation();
        org.unit(unitCode).orElseThrow(() -> ProblemException.notFound("unit " + unitCode));
        return org.onDuty(unitCode, instant(at), config.zone()).stream().map(DirectoryViews::person).toList();
    }

    @GET
    @Path("/commanders/on-duty")
    public List<PersonView> commanders(@QueryParam("territoryCode") String territoryCode, @QueryParam("at") String at) {
        OrganisationSnapshot org = index.organisation();
        Instant when = instant(at);
        for (Territory level : upwards(org, territoryCode)) {
            Unit centre = org.unitOf(level.code(), COMMAND_CENTRE).orElse(null);
            if (centre != null) {
                List<PersonView> onDuty = org.onDuty(centre.code(), when, config.zone()).stream()
                        .filter(p -> "commander".equals(p.role()) || !org.hasRoster(centre.code()))
                        .map(DirectoryViews::person).toList();
                if (!onDuty.isEmpty()) {
                    return onDuty;
                }
            }
        }
        return List.of();
    }

    @GET
    @Path("/people/{personId}")
    public PersonView person(@PathParam("personId") String personId) {
        return index.organisation().person(personId).map(DirectoryViews::person)
                .orElseThrow(() -> ProblemException.notFound("person " + personId));
    }

    @GET
    @Path("/people/by-phone/{phone}")
    public PersonView byPhone(@PathParam("phone") String phone) {
        return index.organisation().personByPhone(phone).map(DirectoryViews::person)
                .orElseThrow(() -> ProblemException.notFound("person with this phone number"));
    }

    @GET
    @Path("/supervisors")
    public List<PersonView> supervisors(@QueryParam("territoryCode") String territoryCode) {
        OrganisationSnapshot org = index.organisation();
        List<PersonView> result = new ArrayList<>();
        for (Territory level : upwards(org, territoryCode)) {
            org.units().stream().filter(u -> u.territoryCode().equals(level.code()))
                    .flatMap(u -> org.peopleOf(u.code()).stream()).filter(p -> Roles.SUPERVISOR.equals(p.role()))
                    .map(DirectoryViews::person).forEach(result::add);
        }
        return result;
    }

    /** The county of {@code territoryCode}, then the city (only the city when no code is given). */
    private static List<Territory> upwards(OrganisationSnapshot org, String territoryCode) {
        if (territoryCode == null || territoryCode.isBlank()) {
            // A ticket without a place (unresolved territory) is the city's matter.
            return org.territories().stream().filter(t -> t.level() == TerritoryLevel.CITY).toList();
        }
        Territory territory = org.territory(territoryCode)
                .orElseThrow(() -> ProblemException.badRequest("territoryCode", "unknown territory " + territoryCode));
        List<Territory> levels = new ArrayList<>();
        org.at(territory.code(), TerritoryLevel.COUNTY).ifPresent(levels::add);
        org.at(territory.code(), TerritoryLevel.CITY).ifPresent(levels::add);
        return levels;
    }

    private Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return clock.instant();
        }
        try {
            return java.time.OffsetDateTime.parse(at.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("at", "must be an ISO-8601 instant, e.g. 2026-11-21T10:00:00+08:00");
        }
    }
}
