package cn.hotline.notify.client;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks routing for a field staff's capability link to put in a dispatch SMS. Its own breaker: a routing that cannot
 * issue links must not stop the SMS-reply signing that {@link RoutingClient} does.
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 1, delay = 200, abortOn = WebApplicationException.class)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
public class FieldLinkClient {

    private final RoutingApi api;

    public FieldLinkClient(@RestClient RoutingApi api) {
        this.api = api;
    }

    /** The token of a new link for {@code personId} on the dispatch (the caller appends it to its base URL). */
    public String issue(String dispatchId, String serviceToken, String personId) {
        Object token = api.fieldLink(dispatchId, serviceToken, Map.of("personId", personId)).get("token");
        if (token == null) {
            throw new IllegalStateException("routing issued no link token");
        }
        return token.toString();
    }
}
