package cn.hotline.console.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hotline.console.mapping.Views.Decision;
import cn.hotline.console.mapping.Views.Dispatch;
import cn.hotline.console.mapping.Views.HistoryEntry;
import io.smallrye.mutiny.Uni;

/** routing-service's REST API as the console uses it: the board, a ticket's dispatches, actions, the preview. */
@RegisterRestClient(configKey = "routing")
@RegisterProvider(ServiceProblemMapper.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(5000)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 5000)
public interface RoutingClient {

    @POST
    @Path("/routing/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Decision> preview(@HeaderParam("Authorization") String bearer, JsonNode ticket);

    @GET
    @Path("/dispatches/open")
    @Timeout(10000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    Uni<List<Dispatch>> open(@HeaderParam("Authorization") String bearer, @QueryParam("county") String county,
            @QueryParam("town") String town, @QueryParam("unit") String unit, @QueryParam("state") String state,
            @QueryParam("urgency") String urgency, @QueryParam("limit") int limit);

    @GET
    @Path("/dispatches")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<List<Dispatch>> byTicket(@HeaderParam("Authorization") String bearer, @QueryParam("ticketId") String ticketId);

    @GET
    @Path("/dispatches/{id}")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<Dispatch> dispatch(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/dispatches/{id}/history")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<List<HistoryEntry>> history(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/units")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<List<cn.hotline.console.mapping.Views.UnitChoice>> units(@HeaderParam("Authorization") String bearer,
            @QueryParam("territoryCode") String territoryCode);

    /** The capability link page's view (no bearer: the token is the credential). */
    @GET
    @Path("/field/{token}")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<cn.hotline.console.mapping.Views.FieldView> field(@PathParam("token") String token);

    @POST
    @Path("/field/{token}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<cn.hotline.console.mapping.Views.FieldView> fieldAct(@PathParam("token") String token,
            @PathParam("action") String action, JsonNode body);

    @POST
    @Path("/field/{token}/photos")
    @Consumes("application/octet-stream")
    @Timeout(15000)
    Uni<JsonNode> fieldPhoto(@PathParam("token") String token, byte[] photo);

    @POST
    @Path("/dispatches/{id}/field-links")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> issueLink(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode body);

    @GET
    @Path("/tickets/{ticketId}/photos")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<List<cn.hotline.console.mapping.Views.Photo>> photos(@HeaderParam("Authorization") String bearer,
            @PathParam("ticketId") String ticketId);

    @GET
    @Path("/photos/{id}")
    @Produces({"image/jpeg", "image/png"})
    Uni<jakarta.ws.rs.core.Response> photo(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    /** Any action of the dispatch state machine ({@code sign}, {@code assign}, {@code return-review}, …). */
    @POST
    @Path("/dispatches/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Dispatch> act(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @PathParam("action") String action, JsonNode body);
}
