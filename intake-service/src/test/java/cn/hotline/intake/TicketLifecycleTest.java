package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.TicketClosed;
import cn.hotline.events.payload.TicketReopened;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** dispatch.* → citizen-visible status, follow-up (close / reopen), handler visibility from dispatched units. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class TicketLifecycleTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void statusFollowsDispatchEventsAndFollowUpCloses() {
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String dispatch = UUID.randomUUID().toString();
        String unit = "U-" + UUID.randomUUID();
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, id, dispatch, unit);
        awaitStatus(id, "DISPATCHED");
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_SIGNED, id, dispatch, unit);
        awaitStatus(id, "IN_PROGRESS");
        // A second progress event in the same status moves nothing and adds nothing to the trail.
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ARRIVED, id, dispatch, unit);
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_COMPLETED, id, dispatch, unit);
        awaitStatus(id, "AWAITING_FOLLOWUP");
        List<Map<String, Object>> trail = given().auth().oauth2(TestJwt.token("operator")).when()
                .get("/api/v1/tickets/" + id + "/trail").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(trail).filteredOn(t -> String.valueOf(t.get("action")).startsWith("STATUS_"))
                .extracting(t -> t.get("action") + " " + t.get("reference") + " " + t.get("detail"))
                .containsExactly("STATUS_DISPATCHED " + dispatch + " " + EventTypes.DISPATCH_ASSIGNED,
                        "STATUS_IN_PROGRESS " + dispatch + " " + EventTypes.DISPATCH_SIGNED,
                        "STATUS_AWAITING_FOLLOWUP " + dispatch + " " + EventTypes.DISPATCH_COMPLETED);

        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                    .body(Map.of("resolution", "RESOLVED", "satisfaction", "SATISFIED", "note", "已解决"))
                    .when().post("/api/v1/tickets/" + id + "/follow-up").then().statusCode(200);
            CloudEvent closed = probe.await(EventTypes.TICKET_CLOSED, e -> id.equals(e.subject()), BOUND);
            TicketClosed payload = EventCodec.decode(closed, TicketClosed.class);
            assertThat(payload.closedBy()).isEqualTo("FOLLOW_UP");
            assertThat(payload.satisfaction()).isEqualTo("SATISFIED");
        }
        assertThat(status(id)).isEqualTo("CLOSED");
        // A late dispatch event does not reopen a closed ticket; a second follow-up is a conflict.
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_SIGNED, id, dispatch, unit);
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(BOUND).until(() -> "CLOSED".equals(status(id)));
        given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                .body(Map.of("resolution", "RESOLVED", "satisfaction", "SATISFIED"))
                .when().post("/api/v1/tickets/" + id + "/follow-up").then().statusCode(409);
    }

    @Test
    void basicallySatisfiedTravelsUnderTheNameSlaCounts() {
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String dispatch = UUID.randomUUID().toString();
        String unit = "U-" + UUID.randomUUID();
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, id, dispatch, unit);
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_COMPLETED, id, dispatch, unit);
        awaitStatus(id, "AWAITING_FOLLOWUP");
        given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                .body(Map.of("resolution", "RESOLVED", "satisfaction", "SOMEWHAT"))
                .when().post("/api/v1/tickets/" + id + "/follow-up").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("satisfaction"));
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            // BASIC is the API's older spelling; the event carries the shared name.
            given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                    .body(Map.of("resolution", "RESOLVED", "satisfaction", "BASIC"))
                    .when().post("/api/v1/tickets/" + id + "/follow-up").then().statusCode(200);
            TicketClosed payload = EventCodec.decode(probe.await(EventTypes.TICKET_CLOSED, e -> id.equals(e.subject()), BOUND),
                    TicketClosed.class);
            assertThat(payload.satisfaction()).isEqualTo(cn.hotline.events.Satisfaction.BASICALLY_SATISFIED.name());
        }
    }

    @Test
    void concurrentFollowUpsRecordOneOutcome() throws Exception {
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String dispatch = UUID.randomUUID().toString();
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, id, dispatch, "U-race");
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_COMPLETED, id, dispatch, "U-race");
        awaitStatus(id, "AWAITING_FOLLOWUP");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                        .body(Map.of("resolution", "RESOLVED", "satisfaction", "SATISFIED"))
                        .post("/api/v1/tickets/" + id + "/follow-up").statusCode());
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (var future : pool.invokeAll(calls)) {
                codes.add(future.get());
            }
            assertThat(codes).containsOnly(200, 409).containsOnlyOnce(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(status(id)).isEqualTo("CLOSED");
    }

    @Test
    void unsatisfiedFollowUpReopens() {
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String dispatch = UUID.randomUUID().toString();
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, id, dispatch, "U-1");
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_COMPLETED, id, dispatch, "U-1");
        awaitStatus(id, "AWAITING_FOLLOWUP");
        // Satisfied and resolved cannot reopen.
        given().auth().oauth2(TestJwt.token("supervisor")).contentType("application/json")
                .body(Map.of("resolution", "RESOLVED", "satisfaction", "SATISFIED", "reopen", true))
                .when().post("/api/v1/tickets/" + id + "/follow-up").then().statusCode(400);
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            given().auth().oauth2(TestJwt.token("supervisor")).contentType("application/json")
                    .body(Map.of("resolution", "UNRESOLVED", "satisfaction", "UNSATISFIED", "note", "仍有噪声", "reopen", true))
                    .when().post("/api/v1/tickets/" + id + "/follow-up").then().statusCode(200);
            TicketReopened reopened = EventCodec.decode(
                    probe.await(EventTypes.TICKET_REOPENED, e -> id.equals(e.subject()), BOUND), TicketReopened.class);
            assertThat(reopened.reopenCount()).isEqualTo(1);
            assertThat(reopened.resolution()).isEqualTo("UNRESOLVED");
        }
        assertThat(status(id)).isEqualTo("DISPATCHED");
    }

    @Test
    void handlerSeesOnlyTicketsDispatchedToTheirUnitWithMaskedPhone() {
        String phone = Tickets.freshPhone();
        String id = Tickets.create(Tickets.simple(phone));
        String other = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String lead = "U-" + UUID.randomUUID();
        String assisting = "U-" + UUID.randomUUID();
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, id, UUID.randomUUID().toString(), lead, List.of(assisting), null);
        awaitStatus(id, "DISPATCHED");

        String handler = TestJwt.handler("h-1", lead);
        String body = given().auth().oauth2(handler).when().get("/api/v1/tickets/" + id).then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain(phone).contains(phone.substring(0, 3) + "****" + phone.substring(7));
        given().auth().oauth2(TestJwt.handler("h-2", assisting)).when().get("/api/v1/tickets/" + id).then().statusCode(200);
        given().auth().oauth2(handler).when().get("/api/v1/tickets/" + other).then().statusCode(404);
        given().auth().oauth2(TestJwt.handler("h-3", "U-elsewhere")).when().get("/api/v1/tickets/" + id).then().statusCode(404);
        given().auth().oauth2(TestJwt.token("handler")).when().get("/api/v1/tickets/" + id).then().statusCode(403);
        List<String> listed = given().auth().oauth2(handler).when().get("/api/v1/tickets").then().statusCode(200)
                .extract().path("items.id");
        assertThat(listed).containsExactly(id);

        // Full phone for operator and supervisor; masked for dispatcher and admin.
        assertThat((String) given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + id).path("caller.phone")).isEqualTo(phone);
        assertThat((String) given().auth().oauth2(TestJwt.token("supervisor")).get("/api/v1/tickets/" + id).path("caller.phone")).isEqualTo(phone);
        assertThat((String) given().auth().oauth2(TestJwt.token("dispatcher")).get("/api/v1/tickets/" + id).path("caller.phone")).isNotEqualTo(phone);
        assertThat((String) given().auth().oauth2(TestJwt.token("admin")).get("/api/v1/tickets/" + id).path("caller.phone")).isNotEqualTo(phone);
    }

    @Test
    void reassignmentMovesVisibilityToTheNewUnit() {
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String oldUnit = "U-" + UUID.randomUUID();
        String newUnit = "U-" + UUID.randomUUID();
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, id, first, oldUnit);
        Awaitility.await().atMost(BOUND).untilAsserted(() -> given().auth().oauth2(TestJwt.handler("h", oldUnit))
                .get("/api/v1/tickets/" + id).then().statusCode(200));
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_REASSIGNED, id, second, newUnit, List.of(), first);
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, id, second, newUnit);
        Awaitility.await().atMost(BOUND).untilAsserted(() -> given().auth().oauth2(TestJwt.handler("h", newUnit))
                .get("/api/v1/tickets/" + id).then().statusCode(200));
        given().auth().oauth2(TestJwt.handler("h", oldUnit)).get("/api/v1/tickets/" + id).then().statusCode(404);
    }

    static String status(String id) {
        return given().auth().oauth2(TestJwt.token("operator")).when().get("/api/v1/tickets/" + id).then().statusCode(200)
                .extract().path("status");
    }

    static void awaitStatus(String id, String expected) {
        Awaitility.await().atMost(BOUND).until(() -> expected.equals(status(id)));
    }
}
