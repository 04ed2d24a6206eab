package cn.hotline.notify.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's dispatch commands notify uses: sign on a handler's behalf after an SMS reply, capability links. */
@RegisterRestClient(configKey = "routing")
@Path("/api/v1/dispatches")
public interface RoutingApi {

    /** Signs as notify-service on behalf of the handler whose SMS reply said so ({@code personId}, {@code note}). */
    @POST
    @Path("/{dispatchId}/sign-by-reply")
    @Consumes(MediaType.APPLICATION_JSON)
    Response signByReply(@PathParam("dispatchId") String dispatchId, @HeaderParam("Authorization") String authorization,
            Map<String, String> body);

    /** Many capability links in one call: one answer per asked link, in order (a token, or why none was issued). */
    @POST
    @Path("/field-link-batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @jakarta.ws.rs.Produces(MediaType.APPLICATION_JSON)
    LinkAnswers fieldLinks(@HeaderParam("Authorization") String authorization, LinkQuestions body);

    /** The links to issue: {@code dispatchId} and {@code personId} each. */
    record LinkQuestions(List<LinkQuestion> links) {
    }

    /** One link to issue. */
    record LinkQuestion(String dispatchId, String personId) {
    }

    /** routing's answers, in the asked order. */
    record LinkAnswers(List<LinkAnswer> links) {
    }

    /** A link's token, or (token null) the problem that kept it from being issued. */
    record LinkAnswer(String dispatchId, String personId, String token, String problem) {
    }
}
