package cn.hotline.notify.client;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's service-to-service endpoints for citizen SMS (role {@code service}): the only source of a caller's phone. */
@RegisterRestClient(configKey = "intake")
@Path("/api/v1/citizen")
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeApi {

    @GET
    @Path("/tickets/{ticketId}/contact")
    Contact contact(@PathParam("ticketId") String ticketId, @HeaderParam("Authorization") String authorization);

    @POST
    @Path("/tickets/{ticketId}/progress-links")
    Map<String, Object> progressLink(@PathParam("ticketId") String ticketId, @HeaderParam("Authorization") String authorization);

    @POST
    @Path("/tickets/{ticketId}/survey-reply")
    @Consumes(MediaType.APPLICATION_JSON)
    Response surveyReply(@PathParam("ticketId") String ticketId, @HeaderParam("Authorization") String authorization,
            Map<String, String> body);

    @POST
    @Path("/opt-outs")
    @Consumes(MediaType.APPLICATION_JSON)
    Response optOut(@HeaderParam("Authorization") String authorization, Map<String, String> body);

    /** A ticket's caller as intake answers at send time: full phone (null if none), and whether they opted out. */
    record Contact(String ticketId, String number, String status, String phone, boolean optedOut) {
    }
}
