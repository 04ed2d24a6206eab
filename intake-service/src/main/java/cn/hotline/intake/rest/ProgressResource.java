package cn.hotline.intake.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.intake.mapping.ProgressPage;
import cn.hotline.intake.mapping.TicketStatusView;
import cn.hotline.intake.service.CitizenContactService;
import io.smallrye.mutiny.Uni;

/** The citizen's progress lookup from the link in the acknowledgement SMS: no JWT, the token is the credential. */
@Path("/api/v1/progress/{token}")
@PermitAll
public class ProgressResource {

    private final CitizenContactService citizens;

    public ProgressResource(CitizenContactService citizens) {
        this.citizens = citizens;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<TicketStatusView> progress(@PathParam("token") String token) {
        return citizens.progress(token);
    }

    /** The same, as the page a phone browser shows when the citizen taps the link. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> page(@PathParam("token") String token) {
        return citizens.progress(token).map(ProgressPage::render);
    }
}
