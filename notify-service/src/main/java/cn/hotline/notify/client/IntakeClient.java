package cn.hotline.notify.client;

import java.util.HashMap;
import java.util.List;
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

    /** intake answers at most this many tickets per call. */
    static final int MAX_BATCH = 100;

    private final IntakeApi api;
    private final ServiceIdentity identity;

    public IntakeClient(@RestClient IntakeApi api, ServiceIdentity identity) {
        this.api = api;
        this.identity = identity;
    }

    /**
     * The callers of many tickets in one call, by ticket id (tickets intake does not know are missing), with a progress
     * token for each asked for one whose caller can be texted.
     */
    public Map<String, IntakeApi.BatchContact> contacts(List<IntakeApi.ContactQuestion> questions) {
        Map<String, IntakeApi.BatchContact> byTicket = new HashMap<>();
        for (int from = 0; from < questions.size(); from += MAX_BATCH) {
            IntakeApi.Contacts answer = api.contacts(identity.bearer(),
                    new IntakeApi.ContactBatch(questions.subList(from, Math.min(questions.size(), from + MAX_BATCH))));
            if (answer != null && answer.contacts() != null) {
                answer.contacts().forEach(c -> byTicket.put(c.ticketId(), c));
            }
        }
        return byTicket;
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
