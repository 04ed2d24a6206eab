package cn.hotline.routing.rest;

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
import jakarta.ws.rs.core.Response;

import cn.hotline.routing.mapping.FieldLinkRequest;
import cn.hotline.routing.service.FieldLinks;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Issuing a field staff's capability link for a dispatch (notify puts one in each dispatch SMS). */
@Path("/api/v1/dispatches/{id}/field-links")
@Produces(MediaType.APPLICATION_JSON)
public class FieldLinkIssueResource {

    private final FieldLinks links;
    private final CurrentActor actor;

    public FieldLinkIssueResource(FieldLinks links, CurrentActor actor) {
        this.links = links;
        this.actor = actor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN, Roles.HANDLER, Roles.SERVICE})
    public Uni<Response> issue(@PathParam("id") UUID id, @Valid @NotNull FieldLinkRequest request) {
        var who = actor.get();
        boolean desk = who.hasAny(java.util.Set.of(Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE));
        if (!desk && !request.personId().strip().equals(who.personId())) {
            throw ProblemException.forbidden("a handler may open a link for themselves only");
        }
        return links.issue(id, request.personId().strip(), who)
                .map(issued -> Response.status(201).entity(issued).build());
    }
}
