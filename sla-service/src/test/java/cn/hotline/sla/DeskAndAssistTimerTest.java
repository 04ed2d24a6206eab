package cn.hotline.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.UnitRef;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The clocks beside the units': the MANUAL queue's (the duty dispatcher must place it), a return's review, the
 * stop of a returning unit's stages, an assisting unit's own sign and report deadlines, and cancellation.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class DeskAndAssistTimerTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anUrgentQueuedTicketGivesTheDispatcherTwoMinutesAndAssignmentMeetsIt() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        String dispatch = SlaTestEvents.id();
        events.publish(EventTypes.DISPATCH_QUEUED, ticket, event(ticket, dispatch, null, "URGENT", "UNASSIGNED", List.of(), T0));
        Map<String, Object> queue = awaitTimer(ticket, "QUEUE", "RUNNING");
        assertThat(queue.get("policyCode")).isEqualTo("MANUAL_QUEUE_URGENT");
        assertThat(Instant.parse((String) queue.get("deadline"))).isEqualTo(T0.plus(Duration.ofMinutes(2)));

        events.publish(EventTypes.DISPATCH_ASSIGNED, ticket,
                event(ticket, dispatch, "U-LEAD", "URGENT", "ASSIGNED", List.of(), T0.plusSeconds(90)));
        Map<String, Object> met = awaitTimer(ticket, "QUEUE", "MET");
        assertThat(met.get("onTime")).isEqualTo(true);
        awaitTimer(ticket, "SIGN", "RUNNING");
    }

    /** The board's filter narrows the running timers it reads: county, town and urgency; a bad value is a 400 naming it. */
    @Test
    void runningTimersAreFilteredByTheBoardsFilter() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        String dispatch = SlaTestEvents.id();
        events.publish(EventTypes.DISPATCH_ASSIGNED, ticket, event(ticket, dispatch, "U-FLT", "URGENT", "ASSIGNED", List.of(), T0));
        awaitTimer(ticket, "SIGN", "RUNNING");
        assertThat(running(Map.of("county", SlaTestEvents.COUNTY, "town", SlaTestEvents.TOWN, "urgency", "URGENT"))).contains(dispatch);
        assertThat(running(Map.of("county", "330599"))).doesNotContain(dispatch);
        assertThat(running(Map.of("urgency", "NORMAL"))).doesNotContain(dispatch);
        // A desk kept to a territory (属地) reads only its own; city-wide desks everything.
        String anji = TestJwt.inTerritory("dispatcher", SlaTestEvents.COUNTY);
        String changxing = TestJwt.inTerritory("dispatcher", "330522");
        assertThat(running(anji, Map.of())).contains(dispatch);
        assertThat(running(changxing, Map.of())).doesNotContain(dispatch);
        assertThat(running(anji, Map.of("county", "330522"))).isEmpty();
        given().auth().oauth2(changxing).when().get("/api/v1/tickets/" + ticket + "/sla").then().statusCode(404);
        given().auth().oauth2(TestJwt.inTerritory("supervisor", "330522")).when().post("/api/v1/tickets/" + ticket + "/sla/pause")
                .then().statusCode(404);
        assertThat(timer(ticket, "SIGN").get("state")).as("another county's supervisor paused nothing").isEqualTo("RUNNING");
        given().auth().oauth2(anji).when().get("/api/v1/tickets/" + ticket + "/sla").then().statusCode(200);
        given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("county", "湖州").queryParam("urgency", "SOON")
                .when().get("/api/v1/timers").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("county", "urgency"));
    }

    private static List<String> running(Map<String, String> filter) {
        return running(TestJwt.token("dispatcher"), filter);
    }

    private static List<String> running(String token, Map<String, String> filter) {
        return given().auth().oauth2(token).queryParams(filter).queryParam("limit", 20000)
                .when().get("/api/v1/timers").then().statusCode(200).extract().jsonPath().getList("dispatchId", String.class);
    }

    @Test
    void aNormalQueuedTicketGetsTenMinutes() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        events.publish(EventTypes.DISPATCH_QUEUED, ticket,
                event(ticket, SlaTestEvents.id(), null, "NORMAL", "UNASSIGNED", List.of(), T0));
        Map<String, Object> queue = awaitTimer(ticket, "QUEUE", "RUNNING");
        assertThat(queue.get("policyCode")).isEqualTo("MANUAL_QUEUE");
        assertThat(Instant.parse((String) queue.get("deadline"))).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aReturnStopsTheUnitsStagesAndStartsTheReviewWhichTheReDispatchMeets() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        String first = SlaTestEvents.id();
        events.publish(EventTypes.DISPATCH_ASSIGNED, ticket, event(ticket, first, "U-RET", "URGENT", "ASSIGNED", List.of(), T0));
        awaitTimer(ticket, "SIGN", "RUNNING");
        events.publish(EventTypes.DISPATCH_RETURNED, ticket,
                event(ticket, first, "U-RET", "URGENT", "RETURNED", List.of(), T0.plusSeconds(20)));
        Map<String, Object> review = awaitTimer(ticket, "RETURN_REVIEW", "RUNNING");
        assertThat(review.get("policyCode")).isEqualTo("RETURN_REVIEW");
        assertThat(review.get("mode")).isEqualTo("WORKING");
        for (String stage : List.of("SIGN", "ARRIVE", "HANDLE")) {
            assertThat(timer(ticket, stage).get("state")).as(stage + " of the returning unit").isEqualTo("CANCELLED");
        }
        assertThat(timer(ticket, "CLOSE").get("state")).as("the ticket's own clock runs on").isEqualTo("RUNNING");

        String second = SlaTestEvents.id();
        DispatchEvent reassigned = event(ticket, second, "U-NEXT", "URGENT", "ASSIGNED", List.of(), T0.plusSeconds(300));
        events.publish(EventTypes.DISPATCH_REASSIGNED, ticket, withPrevious(reassigned, first));
        events.publish(EventTypes.DISPATCH_ASSIGNED, ticket, withPrevious(reassigned, first));
        assertThat(awaitTimer(ticket, "RETURN_REVIEW", "MET").get("onTime")).isEqualTo(true);
        await().atMost(BOUND).until(() -> timers(ticket).stream()
                .anyMatch(t -> "SIGN".equals(t.get("stage")) && second.equals(t.get("dispatchId")) && "RUNNING".equals(t.get("state"))));
    }

    @Test
    void aRejectedReturnRestartsTheUnitsStages() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        String dispatch = SlaTestEvents.id();
        events.publish(EventTypes.DISPATCH_ASSIGNED, ticket, event(ticket, dispatch, "U-REJ", "NORMAL", "ASSIGNED", List.of(), T0));
        awaitTimer(ticket, "SIGN", "RUNNING");
        events.publish(EventTypes.DISPATCH_RETURNED, ticket, event(ticket, dispatch, "U-REJ", "NORMAL", "RETURNED", List.of(), T0));
        awaitTimer(ticket, "RETURN_REVIEW", "RUNNING");
        events.publish(EventTypes.DISPATCH_ASSIGNED, ticket,
                event(ticket, dispatch, "U-REJ", "NORMAL", "ASSIGNED", List.of(), T0.plusSeconds(600)));
        awaitTimer(ticket, "RETURN_REVIEW", "MET");
        await().atMost(BOUND).until(() -> timers(ticket).stream()
                .filter(t -> "SIGN".equals(t.get("stage"))).map(t -> t.get("state")).toList(),
                states -> states.contains("CANCELLED") && states.contains("RUNNING"));
    }

    @Test
    void eachAssistingUnitHasItsOwnSignAndReportDeadlinesDefaultingToTheLeads() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        String dispatch = SlaTestEvents.id();
        List<UnitRef> assisting = List.of(new UnitRef("U-AS1", "街道"), new UnitRef("U-AS2", "社区"));
        events.publish(EventTypes.DISPATCH_ASSIGNED, ticket, event(ticket, dispatch, "U-LD", "URGENT", "ASSIGNED", assisting, T0));
        await().atMost(BOUND).until(() -> timers(ticket).stream().filter(t -> "ASSIST_SIGN".equals(t.get("stage"))).count() == 2
                && timers(ticket).stream().filter(t -> "ASSIST_REPORT".equals(t.get("stage"))).count() == 2);
        // A handler reads their own unit's timers only; another unit's ticket is answered as missing.
        List<Map<String, Object>> own = given().auth().oauth2(TestJwt.handler("p-as1", "U-AS1")).when()
                .get("/api/v1/tickets/" + ticket + "/sla").then().statusCode(200).extract().jsonPath().getList("timers");
        assertThat(own).extracting(t -> t.get("stage")).containsExactlyInAnyOrder("ASSIST_SIGN", "ASSIST_REPORT");
        given().auth().oauth2(TestJwt.handler("p-x", "U-ELSEWHERE")).when().get("/api/v1/tickets/" + ticket + "/sla").then().statusCode(404);
        Map<String, Object> sign = timer(ticket, "SIGN");
        Map<String, Object> close = timer(ticket, "CLOSE");
        for (Map<String, Object> t : timers(ticket)) {
            if ("ASSIST_SIGN".equals(t.get("stage"))) {
                assertThat(t.get("deadline")).isEqualTo(sign.get("deadline"));
            } else if ("ASSIST_REPORT".equals(t.get("stage"))) {
                assertThat(t.get("deadline")).isEqualTo(close.get("deadline"));
            }
        }
        assertThat(sign.get("unitCode")).isEqualTo("U-LD");

        events.publish(EventTypes.DISPATCH_SIGNED, ticket, event(ticket, dispatch, "U-LD", "URGENT", "SIGNED", assisting, T0.plusSeconds(10)));
        awaitTimer(ticket, "SIGN", "MET");
        assertThat(timers(ticket).stream().filter(t -> "ASSIST_SIGN".equals(t.get("stage"))).map(t -> t.get("state")))
                .as("the lead's signature is not the assisting units'").containsOnly("RUNNING");

        events.publish(EventTypes.DISPATCH_ASSIST_REPORTED, ticket,
                acting(event(ticket, dispatch, "U-LD", "URGENT", "SIGNED", assisting, T0.plusSeconds(30)), "U-AS1"));
        events.publish(EventTypes.DISPATCH_ASSIST_RELEASED, ticket,
                acting(event(ticket, dispatch, "U-LD", "URGENT", "SIGNED", assisting, T0.plusSeconds(40)), "U-AS2"));
        await().atMost(BOUND).until(() -> assistStates(ticket, "U-AS1").equals(List.of("MET", "MET"))
                && assistStates(ticket, "U-AS2").equals(List.of("CANCELLED", "CANCELLED")));
        assertThat(timer(ticket, "HANDLE").get("state")).as("an assisting report is not the lead's handling")
                .isEqualTo("RUNNING");
    }

    @Test
    void aCancelledDispatchStopsItsTimers() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        String dispatch = SlaTestEvents.id();
        events.publish(EventTypes.DISPATCH_ASSIGNED, ticket, event(ticket, dispatch, "U-CXL", "URGENT", "ASSIGNED", List.of(), T0));
        awaitTimer(ticket, "SIGN", "RUNNING");
        events.publish(EventTypes.DISPATCH_CANCELLED, ticket,
                event(ticket, dispatch, "U-CXL", "URGENT", "CANCELLED", List.of(), T0.plusSeconds(5)));
        await().atMost(BOUND).until(() -> timers(ticket).stream().filter(t -> "DISPATCH".equals(t.get("scope")))
                .allMatch(t -> "CANCELLED".equals(t.get("state"))));
    }

    private static List<String> assistStates(String ticket, String unit) {
        return timers(ticket).stream().filter(t -> unit.equals(t.get("unitCode")))
                .map(t -> (String) t.get("state")).sorted().toList();
    }

    private static Map<String, Object> awaitTimer(String ticket, String stage, String state) {
        return await().atMost(BOUND).ignoreExceptions().until(() -> timer(ticket, stage), t -> state.equals(t.get("state")));
    }

    /** The latest timer of {@code stage}. */
    private static Map<String, Object> timer(String ticket, String stage) {
        List<Map<String, Object>> all = timers(ticket).stream().filter(t -> stage.equals(t.get("stage"))).toList();
        if (all.isEmpty()) {
            throw new AssertionError("no " + stage + " timer yet");
        }
        return all.get(all.size() - 1);
    }

    private static List<Map<String, Object>> timers(String ticket) {
        var response = given().auth().oauth2(TestJwt.token("dispatcher")).when().get("/api/v1/tickets/" + ticket + "/sla");
        return response.statusCode() == 404 ? List.of() : response.then().statusCode(200).extract().jsonPath().getList("timers");
    }

    private static DispatchEvent event(String ticket, String dispatch, String unit, String urgency, String state,
            List<UnitRef> assisting, Instant at) {
        return new DispatchEvent(DispatchEvent.SCHEMA_VERSION, dispatch, ticket, "HZ-" + ticket.substring(0, 8), state,
                unit == null ? "MANUAL" : "AUTO", unit == null ? null : new UnitRef(unit, "单位" + unit), assisting, unit,
                unit == null ? null : "handler-" + unit, 0, urgency, "COMPLAINT", "PHONE", "0202",
                new TerritoryRef(SlaTestEvents.COUNTY, SlaTestEvents.TOWN, null, "POLYGON"), "安吉县", "test", at, null,
                null, null, null, null, null, null, null);
    }

    private static DispatchEvent withPrevious(DispatchEvent e, String previous) {
        return new DispatchEvent(e.schemaVersion(), e.dispatchId(), e.ticketId(), e.ticketNumber(), e.state(), e.queue(),
                e.lead(), e.assisting(), e.actingUnitCode(), e.handlerId(), e.escalationLevel(), e.urgency(), e.kind(),
                e.channel(), e.categoryCode(), e.territory(), e.address(), e.actor(), e.actionAt(), e.reasonCode(),
                e.note(), previous, e.extensionDuration(), e.extensionApproved(), e.caseLeaderId(), e.lat(), e.lon());
    }

    private static DispatchEvent acting(DispatchEvent e, String unit) {
        return new DispatchEvent(e.schemaVersion(), e.dispatchId(), e.ticketId(), e.ticketNumber(), e.state(), e.queue(),
                e.lead(), e.assisting(), unit, e.handlerId(), e.escalationLevel(), e.urgency(), e.kind(), e.channel(),
                e.categoryCode(), e.territory(), e.address(), e.actor(), e.actionAt(), e.reasonCode(), e.note(),
                e.previousDispatchId(), e.extensionDuration(), e.extensionApproved(), e.caseLeaderId(), e.lat(), e.lon());
    }
}
