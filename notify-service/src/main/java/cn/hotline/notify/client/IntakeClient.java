package cn.hotline.notify.client;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calls to intake for citizen SMS behind timeout, retry and a circuit breaker (values from config); a 4xx is an
 * answer (no such ticket, survey over), a 5xx or no answer a fault the caller retries later.
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 200, jitter = 100)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000)
public class IntakeClient {

    private final IntakeApi api;
    private final ServiceIdentity identity;

    public IntakeClient(@RestClient IntakeApi api, ServiceIdentity identity) {
        this.api = api;
        this.identity = identity;
    }

    /** The ticket's caller now; empty when intake knows no such ticket. */
    public Optional<IntakeApi.Contact> contact(String ticketId) {
        try {
            return Optional.ofNullable(api.contact(ticketId, identity.bearer()));
        } catch (WebApplicationException e) {
            if (status(e) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A new progress-link token for the ticket (intake keeps only its hash). */
    public String progressLink(String ticketId) {
        Object token = api.progressLink(ticketId, identity.bearer()).get("token");
        if (token == null) {
            throw new IllegalStateException("intake issued no progress token");
        }
        return token.toString();
    }

    /** The HTTP status of recording a survey reply: 2xx recorded, 404 not this caller's, 409 survey over. */
    public int surveyReply(String ticketId, String phone, String satisfaction) {
        try (Response response = api.surveyReply(ticketId, identity.bearer(), Map.of("phone", phone, "satisfaction", satisfaction))) {
            return checked(response.getStatus());
        } catch (WebApplicationException e) {
            return checked(status(e));
        }
    }

    public void optOut(String phone) {
        try (Response response = api.optOut(identity.bearer(), Map.of("phone", phone))) {
            checked(response.getStatus());
        } catch (WebApplicationException e) {
            checked(status(e));
        }
    }

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 500 : e.getResponse().getStatus();
    }

    private static int checked(int status) {
        if (status >= 500) {
            throw new IllegalStateException("intake answered " + status);
        }
        return status;
    }
}
