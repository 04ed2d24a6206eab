package cn.hotline.routing.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.domain.RoutingRule;
import cn.hotline.routing.mapping.ImportResult;
import cn.hotline.routing.mapping.RuleImport;
import cn.hotline.routing.service.CatalogueService;
import cn.hotline.routing.service.RoutingIndex;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** The jurisdiction catalogue: import (admin; a change makes a new version), current rules, a rule's versions. */
@Path("/api/v1/catalogue/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
public class CatalogueResource {

    private final CatalogueService service;
    private final RoutingIndex index;

    public CatalogueResource(CatalogueService service, RoutingIndex index) {
        this.service = service;
        this.index = index;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<ImportResult> importRules(@NotNull List<@NotNull @Valid RuleImport> rules) {
        return service.importRules(rules);
    }

    /** The current (open-ended) version of every rule, optionally of one category. */
    @GET
    public List<RoutingRule> current(@QueryParam("categoryCode") String categoryCode) {
        return index.catalogue().allVersions().stream()
                .map(versions -> versions.get(versions.size() - 1))
                .filter(r -> r.effectiveTo() == null)
                .filter(r -> categoryCode == null || r.categoryCode().equals(categoryCode))
                .sorted(Comparator.comparing(RoutingRule::ruleId)).toList();
    }

    /** Retires a rule (its current version ends at {@code effectiveTo}, default now); past versions stay. */
    @DELETE
    @Path("/{ruleId}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RoutingRule> retire(@PathParam("ruleId") String ruleId, @QueryParam("effectiveTo") String effectiveTo) {
        Instant at;
        try {
            at = effectiveTo == null || effectiveTo.isBlank() ? null
                    : OffsetDateTime.parse(effectiveTo.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("effectiveTo", "must be an ISO-8601 date-time with offset");
        }
        return service.retire(ruleId, at);
    }

    @GET
    @Path("/{ruleId}/versions")
    public List<RoutingRule> versions(@PathParam("ruleId") String ruleId) {
        List<RoutingRule> versions = index.catalogue().versions(ruleId);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("rule " + ruleId);
        }
        return versions;
    }
}
