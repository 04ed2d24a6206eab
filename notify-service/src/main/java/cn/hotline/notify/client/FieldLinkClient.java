package cn.hotline.notify.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks routing for field staff's capability links to put in dispatch SMS, many per call. Its own breaker: a routing that cannot
 * issue links must not stop the SMS-reply signing that {@link RoutingClient} does.
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 1, delay = 200, abortOn = WebApplicationException.class)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
public class FieldLinkClient {

    /** routing answers at most this many links per call. */
    private static final int MAX_BATCH = 100;

    private final RoutingApi api;

    public FieldLinkClient(@RestClient RoutingApi api) {
        this.api = api;
    }

    /** Tokens of new links for many recipients in one call; a link routing could not issue is absent from the map. */
    public Map<RoutingApi.LinkQuestion, String> issueAll(List<RoutingApi.LinkQuestion> questions, String serviceToken) {
        Map<RoutingApi.LinkQuestion, String> tokens = new HashMap<>();
        for (int from = 0; from < questions.size(); from += MAX_BATCH) {
            List<RoutingApi.LinkQuestion> batch = questions.subList(from, Math.min(questions.size(), from + MAX_BATCH));
            for (RoutingApi.LinkAnswer answer : api.fieldLinks(serviceToken, new RoutingApi.LinkQuestions(batch)).links()) {
                if (answer.token() != null) {
                    tokens.put(new RoutingApi.LinkQuestion(answer.dispatchId(), answer.personId()), answer.token());
                }
            }
        }
        return tokens;
    }
}
