package cn.hotline.intake.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.hotline.intake.mapping.CitizenContact;
import cn.hotline.intake.mapping.CitizenRequests;
import cn.hotline.intake.service.CitizenContactService;
import cn.hotline.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Service-to-service endpoints for notify's citizen SMS (role {@code service} only: they hand out the caller's full
 * phone): the contact at send time, progress links, the SMS survey reply and TD opt-outs.
 */
@Path("/api/v1/citizen")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class CitizenContactResource {

    private final CitizenContactService citizens;
    private final SecurityIdentity identity;

    public CitizenContactResource(CitizenContactService citizens, SecurityIdentity identity) {
        this.citizens = citizens;
        this.identity = identity;
    }

    @GET
    @Path("/tickets/{id}/contact")
    public Uni<CitizenContact> contact(@PathParam("id") UUID id) {
        return citizens.contact(id, identity.getPrincipal().getName());
    }

    @POST
    @Path("/tickets/{id}/progress-links")
    public Uni<Response> progressLink(@PathParam("id") UUID id) {
        return citizens.issueProgressLink(id).map(link -> Response.created(URI.create("/api/v1/progress/" + link.token()))
                .entity(link).build());
    }

    /** The contacts of up to 100 tickets (and progress links where asked): one round trip for a claim of citizen SMS. */
    @POST
    @Path("/contact-batches")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CitizenRequests.Contacts> contacts(@Valid @NotNull CitizenRequests.ContactBatch batch) {
        return citizens.contacts(batch.tickets(), identity.getPrincipal().getName());
    }

    @POST
    @Path("/tickets/{id}/survey-reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CitizenRequests.SurveyRecorded> surveyReply(@PathParam("id") UUID id,
            @Valid @NotNull CitizenRequests.SurveyReply reply) {
        return citizens.surveyReply(id, reply);
    }

    @POST
    @Path("/opt-outs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> optOut(@Valid @NotNull CitizenRequests.OptOut request) {
        return citizens.optOut(request).map(ignored -> Response.noContent().build());
    }
}
