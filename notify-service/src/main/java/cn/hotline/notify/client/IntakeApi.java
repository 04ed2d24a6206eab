package cn.hotline.notify.client;

import java.util.List;
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

    @POST
    @Path("/contact-batches")
    @Consumes(MediaType.APPLICATION_JSON)
    Contacts contacts(@HeaderParam("Authorization") String authorization, ContactBatch body);

    @POST
    @Path("/tickets/{ticketId}/survey-reply")
    @Consumes(MediaType.APPLICATION_JSON)
    Response surveyReply(@PathParam("ticketId") String ticketId, @HeaderParam("Authorization") String authorization,
            Map<String, String> body);

    @POST
    @Path("/opt-outs")
    @Consumes(MediaType.APPLICATION_JSON)
    Response optOut(@HeaderParam("Authorization") String authorization, Map<String, String> body);

    /** Up to 100 tickets whose callers a claim of citizen SMS needs; {@code progressLink}: issue one if textable. */
    record ContactBatch(List<ContactQuestion> tickets) {
    }

    record ContactQuestion(String ticketId, boolean progressLink) {
    }

    /** intake's answer: the tickets it knows, each with a progress token when one was asked for and issued. */
    record Contacts(List<BatchContact> contacts) {
    }

    record BatchContact(String ticketId, String number, String status, String phone, boolean optedOut, String progressToken) {
    }
}
