package cn.hotline.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.mapping.FieldLinkBatch;
import cn.hotline.routing.service.FieldLinks;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Issuing many field links in one call (notify: every dispatch SMS of one reminder-ladder batch). */
@Path("/api/v1/dispatches/field-link-batches")
@Produces(MediaType.APPLICATION_JSON)
public class FieldLinkBatchResource {

    private final FieldLinks links;
    private final CurrentActor actor;

    public FieldLinkBatchResource(FieldLinks links, CurrentActor actor) {
        this.links = links;
        this.actor = actor;
    }

    /** 200 with one answer per asked link, in order: a token, or the problem that kept it from being issued. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE})
    public Uni<FieldLinkBatch.Answer> issue(@Valid @NotNull FieldLinkBatch.Request request) {
        return links.issueAll(request.links(), actor.get()).map(FieldLinkBatch.Answer::new);
    }
}
