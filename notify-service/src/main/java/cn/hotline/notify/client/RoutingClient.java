package cn.hotline.notify.client;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Signs a dispatch on routing for a handler who replied by SMS, calling as notify-service (routing records the handler
 * as the actor, via SMS reply); a 4xx answer is an outcome, not a fault.
 */
@ApplicationScoped
@Timeout(3000)
@Retry(maxRetries = 2, delay = 200, jitter = 100)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
public class RoutingClient {

    private final RoutingApi api;
    private final ServiceIdentity identity;

    public RoutingClient(@RestClient RoutingApi api, ServiceIdentity identity) {
        this.api = api;
        this.identity = identity;
    }

    /** The HTTP status routing answered (2xx signed; 409 already signed or not signable; 403 not the unit's). */
    public int signByReply(String dispatchId, String personId, String note) {
        try (Response response = api.signByReply(dispatchId, identity.bearer(), Map.of("personId", personId, "note", note))) {
            return status(response.getStatus());
        } catch (WebApplicationException e) {
            return status(e.getResponse().getStatus());
        }
    }

    private static int status(int status) {
        if (status >= 500) {
            throw new IllegalStateException("routing answered " + status);
        }
        return status;
    }
}
