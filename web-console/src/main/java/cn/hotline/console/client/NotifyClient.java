package cn.hotline.console.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import cn.hotline.console.mapping.Views.Notification;
import io.smallrye.mutiny.Uni;

/** notify-service's REST API as the console uses it: the SMS audit of a ticket. */
@RegisterRestClient(configKey = "notify")
@RegisterProvider(ServiceProblemMapper.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(5000)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 5000)
public interface NotifyClient {

    @GET
    @Path("/notifications")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<List<Notification>> byTicket(@HeaderParam("Authorization") String bearer, @QueryParam("ticketId") String ticketId);
}
