package cn.hotline.console.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import cn.hotline.console.mapping.Views.KpiReport;
import cn.hotline.console.mapping.Views.TicketSla;
import cn.hotline.console.mapping.Views.Timer;
import io.smallrye.mutiny.Uni;

/** sla-service's REST API as the console uses it: running timers, a ticket's timers, KPIs. */
@RegisterRestClient(configKey = "sla")
@RegisterProvider(ServiceProblemMapper.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(5000)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 5000)
public interface SlaClient {

    @GET
    @Path("/timers")
    @Timeout(10000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    Uni<List<Timer>> active(@HeaderParam("Authorization") String bearer, @QueryParam("limit") int limit,
            @QueryParam("county") String county, @QueryParam("town") String town, @QueryParam("urgency") String urgency);

    @GET
    @Path("/tickets/{ticketId}/sla")
    @Retry(maxRetries = 2, delay = 100, abortOn = ServiceProblem.class)
    Uni<TicketSla> ticket(@HeaderParam("Authorization") String bearer, @PathParam("ticketId") String ticketId);

    @GET
    @Path("/kpis")
    @Timeout(15000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    Uni<KpiReport> kpis(@HeaderParam("Authorization") String bearer, @QueryParam("groupBy") String groupBy,
            @QueryParam("from") String from, @QueryParam("to") String to);
}
