package cn.hotline.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import cn.hotline.testsupport.TestJwt;

/** The suite's APIs as the scenarios use them: tokens, tickets, dispatches, timers, notifications, SMS. */
final class Hotline {

    static final Duration BOUND = Duration.ofSeconds(120);
    static final Duration POLL = Duration.ofMillis(500);

    private final Suite suite;

    Hotline(Suite suite) {
        this.suite = suite;
    }

    // --- identities -------------------------------------------------------------------------------------

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestJwt.token(role)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A handler of {@code unitCode}, signed in as the person {@code personId}. */
    static RequestSpecification asHandler(String personId, String unitCode) {
        return given().auth().oauth2(TestJwt.token(personId, unitCode, "handler")).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A mainland mobile number no other test uses. */
    static String freshPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    String url(String service, String path) {
        return suite.url(service) + path;
    }

    // --- intake -----------------------------------------------------------------------------------------

    JsonPath createTicket(Map<String, Object> ticket) {
        return as("operator").header("Idempotency-Key", UUID.randomUUID().toString()).body(ticket)
                .when().post(url("intake", "/api/v1/tickets"))
                .then().statusCode(201).extract().jsonPath();
    }

    JsonPath ticket(String id) {
        return as("operator").when().get(url("intake", "/api/v1/tickets/" + id)).then().statusCode(200).extract().jsonPath();
    }

    JsonPath awaitTicketStatus(String id, String status) {
        return await("ticket " + id + " " + status).atMost(BOUND).pollInterval(POLL)
                .until(() -> ticket(id), t -> status.equals(t.getString("status")));
    }

    // --- routing ----------------------------------------------------------------------------------------

    List<Map<String, Object>> dispatches(String ticketId) {
        return as("dispatcher").queryParam("ticketId", ticketId).when().get(url("routing", "/api/v1/dispatches"))
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    JsonPath dispatch(String id) {
        return as("dispatcher").when().get(url("routing", "/api/v1/dispatches/" + id)).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The ticket's dispatch matching {@code test}, once routing has it. */
    Map<String, Object> awaitDispatch(String ticketId, String what, Predicate<Map<String, Object>> test) {
        return await("dispatch of " + ticketId + ": " + what).atMost(BOUND).pollInterval(POLL)
                .until(() -> dispatches(ticketId).stream().filter(test).findFirst(), java.util.Optional::isPresent).get();
    }

    JsonPath awaitDispatchState(String dispatchId, String state) {
        return await("dispatch " + dispatchId + " " + state).atMost(BOUND).pollInterval(POLL)
                .until(() -> dispatch(dispatchId), d -> state.equals(d.getString("state")));
    }

    /** Performs {@code action} on a dispatch and expects 200. */
    JsonPath act(RequestSpecification who, String dispatchId, String action, Map<String, Object> body) {
        return who.body(body).when().post(url("routing", "/api/v1/dispatches/" + dispatchId + "/" + action))
                .then().statusCode(200).extract().jsonPath();
    }

    JsonPath person(String personId) {
        return as("dispatcher").when().get(url("routing", "/api/v1/directory/people/" + personId)).then().statusCode(200)
                .extract().jsonPath();
    }

    JsonPath unit(String unitCode) {
        return as("dispatcher").when().get(url("routing", "/api/v1/directory/units/" + unitCode)).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The people of a unit on duty now (the roster's, else its default contact). */
    List<Map<String, Object>> onDuty(String unitCode) {
        return as("dispatcher").queryParam("at", Instant.now().toString())
                .when().get(url("routing", "/api/v1/directory/units/" + unitCode + "/on-duty"))
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Installs (or keeps, when unchanged) a jurisdiction catalogue rule through the admin import API. */
    void installRule(Map<String, Object> rule) {
        as("admin").body(List.of(rule)).when().post(url("routing", "/api/v1/catalogue/rules/import"))
                .then().statusCode(lessThan(300));
    }

    // --- sla --------------------------------------------------------------------------------------------

    JsonPath policy(String code) {
        return as("admin").when().get(url("sla", "/api/v1/policies/" + code)).then().statusCode(200).extract().jsonPath();
    }

    void putPolicy(String code, Map<String, Object> policy) {
        as("admin").body(policy).when().put(url("sla", "/api/v1/policies/" + code)).then().statusCode(lessThan(300));
    }

    JsonPath sla(String ticketId) {
        return as("dispatcher").when().get(url("sla", "/api/v1/tickets/" + ticketId + "/sla")).then().extract().jsonPath();
    }

    /** A timer of the ticket's {@code stage} matching {@code test}, once there is one. */
    Map<String, Object> awaitTimer(String ticketId, String stage, String what, Predicate<Map<String, Object>> test) {
        return await("timer " + stage + " of " + ticketId + ": " + what).atMost(BOUND).pollInterval(POLL)
                .until(() -> timers(ticketId).stream().filter(t -> stage.equals(t.get("stage"))).filter(test).findFirst(),
                        java.util.Optional::isPresent).get();
    }

    /** Every timer of the ticket; empty while sla has none. */
    List<Map<String, Object>> timers(String ticketId) {
        io.restassured.response.Response response = as("dispatcher").when()
                .get(url("sla", "/api/v1/tickets/" + ticketId + "/sla"));
        return response.statusCode() == 200 ? response.jsonPath().getList("timers") : List.of();
    }

    /** The ticket's (only) timer of {@code stage}. */
    Map<String, Object> timer(String ticketId, String stage) {
        List<Map<String, Object>> matching = timers(ticketId).stream().filter(t -> stage.equals(t.get("stage"))).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + stage + " timer of " + ticketId + ", got " + matching);
        }
        return matching.get(0);
    }

    /** The calendar's answer for {@code start + duration} in {@code mode}, as an instant. */
    Instant deadline(String calendar, Instant start, String duration, String mode) {
        String answer = as("operator").queryParam("start", start.toString()).queryParam("duration", duration)
                .queryParam("mode", mode).when().get(url("sla", "/api/v1/calendars/" + calendar + "/deadline"))
                .then().statusCode(200).extract().jsonPath().getString("deadlineInstant");
        return Instant.parse(answer);
    }

    // --- notify and the SMSC ----------------------------------------------------------------------------

    void putChain(String policyCode, String stage, List<Map<String, Object>> levels) {
        as("admin").body(Map.of("policyCode", policyCode, "stage", stage, "levels", levels))
                .when().put(url("notify", "/api/v1/escalation-chains/" + policyCode + "/" + stage))
                .then().statusCode(lessThan(300));
    }

    List<Map<String, Object>> notifications(String ticketId) {
        return as("supervisor").queryParam("ticketId", ticketId).when().get(url("notify", "/api/v1/notifications"))
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    List<Map<String, Object>> smsMessages() {
        return given().accept(ContentType.JSON).when().get(suite.smscView() + "/messages").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** The messages the SMSC got for {@code phone} whose text contains every one of {@code parts}. */
    List<Map<String, Object>> smsTo(String phone, String... parts) {
        return smsMessages().stream()
                .filter(m -> String.valueOf(m.get("destination")).endsWith(phone))
                .filter(m -> {
                    String text = String.valueOf(m.get("text"));
                    for (String part : parts) {
                        if (!text.contains(part)) {
                            return false;
                        }
                    }
                    return true;
                }).toList();
    }

    Map<String, Object> awaitSms(String phone, String... parts) {
        return await("SMS to " + phone + " with " + List.of(parts)).atMost(BOUND).pollInterval(POLL)
                .until(() -> smsTo(phone, parts), list -> !list.isEmpty()).get(0);
    }

    void replyBySms(String fromPhone, String text) {
        given().contentType(ContentType.JSON).body(Map.of("from", fromPhone, "text", text))
                .when().post(suite.smscView() + "/mo").then().statusCode(202);
    }
}
