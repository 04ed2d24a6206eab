package cn.hotline.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;

/** intake-service's citizen endpoints as a contract stub (the same WireMock server as routing's, its own paths). */
public final class IntakeStub {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final WireMock wiremock;

    public IntakeStub(WireMock wiremock) {
        this.wiremock = wiremock;
    }

    public WireMock wiremock() {
        return wiremock;
    }

    /** A token shaped like intake's (128 bits, 22 URL-safe characters). */
    public static String token() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static String surveyPath(String ticketId) {
        return "/api/v1/citizen/tickets/" + ticketId + "/survey-reply";
    }

    public static final String OPT_OUTS = "/api/v1/citizen/opt-outs";
    public static final String CONTACT_BATCHES = "/api/v1/citizen/contact-batches";

    // Every contact any test registered (the WireMock server outlives a test): the batch answer holds them all, and
    // notify takes the ones it asked for.
    private static final Map<String, String> CONTACTS = new ConcurrentHashMap<>();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** The ticket's caller as intake would answer now. */
    public void contact(String ticketId, String number, String status, String phone, boolean optedOut) {
        CONTACTS.put(ticketId, "\"ticketId\":\"" + ticketId + "\",\"number\":\"" + number + "\",\"status\":\"" + status
                + "\",\"phone\":" + (phone == null ? "null" : "\"" + phone + "\"") + ",\"optedOut\":" + optedOut);
        registerContacts();
    }

    /** Issues {@code token} as the ticket's progress link. */
    public void progressLink(String ticketId, String token) {
        TOKENS.put(ticketId, token);
        registerContacts();
    }

    private synchronized void registerContacts() {
        String contacts = CONTACTS.entrySet().stream().map(e -> "{" + e.getValue() + ",\"progressToken\":"
                + (TOKENS.containsKey(e.getKey()) ? "\"" + TOKENS.get(e.getKey()) + "\"" : "null") + "}")
                .collect(Collectors.joining(","));
        wiremock.register(post(urlEqualTo(CONTACT_BATCHES)).willReturn(json(200, "{\"contacts\":[" + contacts + "]}")));
    }

    public void surveyAccepted(String ticketId, String number) {
        wiremock.register(post(urlEqualTo(surveyPath(ticketId))).willReturn(json(200,
                "{\"number\":\"" + number + "\",\"status\":\"CLOSED\",\"satisfaction\":\"SATISFIED\"}")));
    }

    public void optOutsAccepted() {
        wiremock.register(post(urlEqualTo(OPT_OUTS)).willReturn(aResponse().withStatus(204)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
