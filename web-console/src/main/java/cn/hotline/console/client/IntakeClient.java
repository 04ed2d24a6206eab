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

import cn.hotline.console.mapping.Views.Category;
import cn.hotline.console.mapping.Views.Ticket;
import cn.hotline.console.mapping.Views.TicketPage;
import cn.hotline.console.mapping.Views.TicketPreview;
import io.smallrye.mutiny.Uni;

/** intake-service's REST API as the console uses it, with the signed-in person's token. */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(ServiceProblemMapper.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(5000)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 5000)
public interface IntakeClient {

    @GET
    @Path("/categories")
    @Retry(maxRetries = 2, delay = 100)
    Uni<List<Category>> categories(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/tickets/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<TicketPreview> preview(@HeaderParam("Authorization") String bearer, JsonNode ticket);

    /** Idempotent by key, so a retry after a lost answer is safe. */
    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 2, delay = 200, abortOn = ServiceProblem.class)
    Uni<Ticket> create(@HeaderParam("Authorization") String bearer, @HeaderParam("Idempotency-Key") String key, JsonNode ticket);

    @GET
    @Path("/tickets/stats")
    @Timeout(15000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    Uni<cn.hotline.console.mapping.Views.TicketStats> stats(@HeaderParam("Authorization") String bearer,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/tickets/{id}")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<Ticket> ticket(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/tickets")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<TicketPage> tickets(@HeaderParam("Authorization") String bearer, @QueryParam("callerPhone") String callerPhone,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit);

    @GET
    @Path("/tickets/{id}/trail")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<JsonNode> trail(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/tickets/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Ticket> merge(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode body);

    @POST
    @Path("/tickets/{id}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Ticket> followUp(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode body);

    @POST
    @Path("/tickets/{id}/transfer-out")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Ticket> transferOut(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode body);
}
