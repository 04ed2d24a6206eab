package cn.hotline.console.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hotline.console.client.IntakeClient;
import cn.hotline.console.client.ServiceProblem;
import cn.hotline.console.mapping.Views.Ticket;
import cn.hotline.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** 回访: the tickets waiting for the follow-up call, and what the citizen said (resolved? satisfied? handle again?). */
@Path("/followups")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OPERATOR, Viewer.SUPERVISOR, Viewer.ADMIN})
public class FollowUpResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Viewer viewer, List<Ticket> tickets);

        static native TemplateInstance recorded(Ticket ticket, ServiceProblem problem);
    }

    private final Viewer viewer;
    private final IntakeClient intake;

    public FollowUpResource(Viewer viewer, @RestClient IntakeClient intake) {
        this.viewer = viewer;
        this.intake = intake;
    }

    @GET
    public Uni<TemplateInstance> page() {
        return intake.tickets(viewer.bearer(), null, "AWAITING_FOLLOWUP", 200).map(p -> Templates.page(viewer, p.items()));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> record(@PathParam("id") String id, @FormParam("resolution") String resolution,
            @FormParam("satisfaction") String satisfaction, @FormParam("note") String note, @FormParam("reopen") String reopen) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("resolution", resolution);
        body.put("satisfaction", satisfaction);
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        body.put("reopen", reopen != null && !reopen.isBlank());
        return intake.followUp(viewer.bearer(), id, body).map(t -> Templates.recorded(t, null))
                .onFailure(ServiceProblem.class).recoverWithItem(p -> Templates.recorded(null, (ServiceProblem) p));
    }
}
