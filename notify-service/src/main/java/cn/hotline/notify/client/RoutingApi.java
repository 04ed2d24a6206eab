package cn.hotline.notify.client;

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

    /** A capability link for the person the SMS goes to (routing keeps only the token's hash). */
    @POST
    @Path("/{dispatchId}/field-links")
    @Consumes(MediaType.APPLICATION_JSON)
    @jakarta.ws.rs.Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> fieldLink(@PathParam("dispatchId") String dispatchId, @HeaderParam("Authorization") String authorization,
            Map<String, String> body);
}
