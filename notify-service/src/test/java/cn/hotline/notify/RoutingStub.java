package cn.hotline.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.WireMock;

/** routing-service's directory and sign API as a contract stub (WireMock), per test with fresh ids and phones. */
public final class RoutingStub {

    private static final String FIELD_LINK_BATCHES = "/api/v1/dispatches/field-link-batches";

    private final WireMock wiremock;

    public RoutingStub(int port) {
        this.wiremock = new WireMock("127.0.0.1", port);
        // routing answers a link batch it was not told about with no links (each SMS then goes without one), as the
        // real one answers links it cannot issue: no error, so the client's breaker stays closed between tests.
        wiremock.register(post(urlEqualTo(FIELD_LINK_BATCHES)).atPriority(10).willReturn(json("{\"links\":[]}")));
    }


    public WireMock wiremock() {
        return wiremock;
    }

    public static String phone() {
        return "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    public static String personJson(String personId, String phone, String unitCode, String role) {
        return "{\"personId\":\"" + personId + "\",\"name\":\"测试" + personId.substring(0, 4) + "\",\"phone\":\"" + phone
                + "\",\"unitCode\":\"" + unitCode + "\",\"role\":\"" + role + "\"}";
    }

    /** A person, findable by id and by phone. */
    public void person(String personId, String phone, String unitCode, String role) {
        String body = personJson(personId, phone, unitCode, role);
        wiremock.register(get(urlEqualTo("/api/v1/directory/people/" + personId)).willReturn(json(body)));
        wiremock.register(get(urlEqualTo("/api/v1/directory/people/by-phone/" + phone)).willReturn(json(body)));
    }

    public void unit(String unitCode, String leaderJson) {
        wiremock.register(get(urlEqualTo("/api/v1/directory/units/" + unitCode)).willReturn(json("{\"unitCode\":\""
                + unitCode + "\",\"unitName\":\"测试单位\",\"level\":\"county\",\"territoryCode\":\"330523\",\"leader\":"
                + leaderJson + "}")));
    }

    public void commanders(String territoryCode, String personJson) {
        wiremock.register(get(urlPathEqualTo("/api/v1/directory/commanders/on-duty"))
                .withQueryParam("territoryCode", WireMock.equalTo(territoryCode))
                .willReturn(json("[" + personJson + "]")));
    }

    /** Who is on duty in {@code unitCode} (an assisting unit has no handler named on the dispatch). */
    public void onDuty(String unitCode, String personJson) {
        wiremock.register(get(urlPathEqualTo("/api/v1/directory/units/" + unitCode + "/on-duty"))
                .willReturn(json("[" + personJson + "]")));
    }

    public void supervisors(String territoryCode, String personJson) {
        wiremock.register(get(urlPathEqualTo("/api/v1/directory/supervisors"))
                .withQueryParam("territoryCode", WireMock.equalTo(territoryCode))
                .willReturn(json("[" + personJson + "]")));
    }

    public void signAccepted(String dispatchId) {
        wiremock.register(post(urlEqualTo("/api/v1/dispatches/" + dispatchId + "/sign-by-reply"))
                .willReturn(json("{\"id\":\"" + dispatchId + "\",\"state\":\"SIGNED\"}")));
    }

    /** routing issues {@code token} for {@code personId} on {@code dispatchId} when a link batch asks for it. */
    public void fieldLink(String dispatchId, String personId, String token) {
        wiremock.register(post(urlEqualTo(FIELD_LINK_BATCHES)).atPriority(1)
                .withRequestBody(WireMock.containing(dispatchId))
                .willReturn(json("{\"links\":[{\"dispatchId\":\"" + dispatchId + "\",\"personId\":\"" + personId
                        + "\",\"token\":\"" + token + "\",\"problem\":null}]}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
