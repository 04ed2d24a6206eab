package cn.hotline.routing;

import static cn.hotline.routing.Dispatches.act;
import static cn.hotline.routing.Dispatches.dispatcher;
import static cn.hotline.routing.Dispatches.get;
import static cn.hotline.routing.Dispatches.handler;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.routing.service.DispatchService;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Multi-step flows: return → review → re-dispatch → sign, lead-only completion, manual queue, concurrency. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class DispatchFlowTest {

    static final String CHANGSHUO = "330523002";
    static final String ENFORCEMENT = "330523-ENFORCEMENT";
    static final String CHANGSHUO_GOV = "330523002-GOV";

    @Inject
    DispatchService service;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void returnReviewAcceptRedispatchesToTheChosenUnitWhichSigns() {
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.DISPATCHES)) {
            String old = Dispatches.create(service, "0202", "COMPLAINT", CHANGSHUO, null);
            act(old, "return", handler(ENFORCEMENT), Map.of("reasonCode", "NOT_OUR_JURISDICTION",
                    "note", "系小区内装修噪声，属物业管理")).then().statusCode(200);
            act(old, "return-review", dispatcher(), Map.of("decision", "ACCEPT", "leadUnitCode", "nowhere")).then()
                    .statusCode(400).body("errors[0].field", equalTo("leadUnitCode"));
            JsonPath next = act(old, "return-review", dispatcher(), Map.of("decision", "ACCEPT",
                    "leadUnitCode", "330523-HOUSING", "assistingUnitCodes", List.of(CHANGSHUO_GOV), "note", "改派住建局"))
                    .then().statusCode(200).extract().jsonPath();
            String id = next.getString("id");
            assertThat(id).isNotEqualTo(old);
            assertThat(next.getString("state")).isEqualTo("ASSIGNED");
            assertThat(next.getString("lead.unitCode")).isEqualTo("330523-HOUSING");
            assertThat(next.getString("previousDispatchId")).isEqualTo(old);
            assertThat(next.getString("handlerId")).isEqualTo("330523-HOUSING-P2");
            assertThat(get(old).getString("state")).isEqualTo("REASSIGNED");

            DispatchEvent reassigned = DispatchStateMachineTest.event(probe, EventTypes.DISPATCH_REASSIGNED, id);
            assertThat(reassigned.previousDispatchId()).isEqualTo(old);
            DispatchEvent assigned = DispatchStateMachineTest.event(probe, EventTypes.DISPATCH_ASSIGNED, id);
            assertThat(assigned.lead().unitCode()).isEqualTo("330523-HOUSING");

            act(id, "sign", handler(ENFORCEMENT), null).then().statusCode(403);
            act(old, "sign", handler(ENFORCEMENT), null).then().statusCode(409).body("currentState", equalTo("REASSIGNED"));
            act(id, "sign", handler("330523-HOUSING"), null).then().statusCode(200).body("state", equalTo("SIGNED"));
            assertThat(Dispatches.byTicket(get(id).getString("ticketId"))).hasSize(2);
        }
    }

    @Test
    void returnReviewAcceptWithoutAUnitTakesTheNextRuleThenTheManualQueue() {
        String first = Dispatches.create(service, "0101", "COMPLAINT", CHANGSHUO, null);
        assertThat(get(first).getString("lead.unitCode")).isEqualTo("330523-HOUSING");
        act(first, "return", handler("330523-HOUSING"), Map.of("reasonCode", "NOT_OUR_JURISDICTION", "note", "属地调解"))
                .then().statusCode(200);
        JsonPath second = act(first, "return-review", dispatcher(), Map.of("decision", "ACCEPT")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getString("lead.unitCode")).isEqualTo(CHANGSHUO_GOV);
        assertThat(second.getString("ruleId")).isEqualTo("R-001");
        assertThat(second.getList("explanation", String.class)).anyMatch(l -> l.contains("R-002") && l.contains("returned"));

        act(second.getString("id"), "return", handler(CHANGSHUO_GOV), Map.of("reasonCode", "OTHER", "note", "非本辖区"))
                .then().statusCode(200);
        JsonPath third = act(second.getString("id"), "return-review", dispatcher(), Map.of("decision", "ACCEPT"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(third.getString("state")).isEqualTo("UNASSIGNED");
        assertThat(third.getString("queue")).isEqualTo("MANUAL");
        String id = third.getString("id");
        given().auth().oauth2(dispatcher()).queryParam("queue", "MANUAL").when().get("/api/v1/dispatches")
                .then().statusCode(200).body("id", hasItem(id));
        act(id, "assign", handler(CHANGSHUO_GOV), Map.of("leadUnitCode", "330523-HOUSING")).then().statusCode(403);
        act(id, "assign", dispatcher(), Map.of("leadUnitCode", "330523-COMMAND", "assistingUnitCodes",
                List.of("330523-HOUSING"))).then().statusCode(200).body("state", equalTo("ASSIGNED"))
                .body("lead.unitName", equalTo("安吉县12345指挥中心"));
        given().auth().oauth2(dispatcher()).queryParam("queue", "SOMETIMES").when().get("/api/v1/dispatches")
                .then().statusCode(400).body("errors[0].field", equalTo("queue"));
        given().auth().oauth2(dispatcher()).queryParam("queue", "MANUAL").when().get("/api/v1/dispatches")
                .then().statusCode(200).body("findAll { it.state == 'UNASSIGNED' }.id", not(hasItem(id)));
    }

    /** A handler reads only their own unit's dispatches (lead or assisting); another unit's is answered as missing. */
    @Test
    void aHandlerReadsOnlyTheirOwnUnitsDispatches() {
        String id = Dispatches.create(service, "020201", "COMPLAINT", CHANGSHUO, null);
        String ticketId = get(id).getString("ticketId");
        for (String own : List.of(ENFORCEMENT, CHANGSHUO_GOV)) {
            given().auth().oauth2(handler(own)).when().get("/api/v1/dispatches/" + id).then().statusCode(200);
            given().auth().oauth2(handler(own)).when().get("/api/v1/dispatches/" + id + "/history").then().statusCode(200);
            given().auth().oauth2(handler(own)).queryParam("ticketId", ticketId).when().get("/api/v1/dispatches")
                    .then().statusCode(200).body("id", hasItem(id));
        }
        String foreign = handler("330523-POLICE");
        given().auth().oauth2(foreign).when().get("/api/v1/dispatches/" + id).then().statusCode(404);
        given().auth().oauth2(foreign).when().get("/api/v1/dispatches/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(foreign).when().get("/api/v1/dispatches/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(foreign).queryParam("ticketId", ticketId).when().get("/api/v1/dispatches")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(foreign).queryParam("queue", "AUTO").when().get("/api/v1/dispatches")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(dispatcher()).when().get("/api/v1/dispatches/" + id + "/history").then().statusCode(200);
    }

    /** A desk whose token names a territory (属地) reads and acts only within it; city-wide desks see everything. */
    @Test
    void aDeskKeptToATerritoryWorksOnlyWithinIt() {
        String id = Dispatches.create(service, "020201", "COMPLAINT", CHANGSHUO, null);
        String county = cn.hotline.testsupport.TestJwt.inTerritory("dispatcher", "330523");
        String town = cn.hotline.testsupport.TestJwt.inTerritory("dispatcher", CHANGSHUO);
        String elsewhere = cn.hotline.testsupport.TestJwt.inTerritory("dispatcher", "330522");
        given().auth().oauth2(county).when().get("/api/v1/dispatches/" + id).then().statusCode(200);
        given().auth().oauth2(town).when().get("/api/v1/dispatches/" + id).then().statusCode(200);
        given().auth().oauth2(elsewhere).when().get("/api/v1/dispatches/" + id).then().statusCode(404);
        given().auth().oauth2(elsewhere).when().get("/api/v1/dispatches/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(elsewhere).queryParam("limit", 5000).when().get("/api/v1/dispatches/open")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(elsewhere).queryParam("county", "330523").when().get("/api/v1/dispatches/open")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(town).queryParam("town", CHANGSHUO).queryParam("limit", 5000).when().get("/api/v1/dispatches/open")
                .then().statusCode(200).body("id", hasItem(id)).body("territory.townCode.unique()", org.hamcrest.Matchers.everyItem(equalTo(CHANGSHUO)));
        act(id, "escalate", elsewhere, Map.of("reason", "不属本县")).then().statusCode(404);
        String lead = get(id).getString("handlerId");
        given().auth().oauth2(elsewhere).contentType(io.restassured.http.ContentType.JSON).body(Map.of("personId", lead))
                .when().post("/api/v1/dispatches/" + id + "/field-links").then().statusCode(404);
        String link = given().auth().oauth2(county).contentType(io.restassured.http.ContentType.JSON).body(Map.of("personId", lead))
                .when().post("/api/v1/dispatches/" + id + "/field-links").then().statusCode(201).extract().path("id");
        given().auth().oauth2(elsewhere).when().delete("/api/v1/field-links/" + link).then().statusCode(404);
        given().auth().oauth2(county).when().delete("/api/v1/field-links/" + link).then().statusCode(204);
        act(id, "escalate", county, Map.of("reason", "多次催办未签收")).then().statusCode(200);
    }

    @Test
    void onlyTheLeadCompletesAndOnlyAfterAssistingUnitsReportedOrWereReleased() {
        String id = Dispatches.create(service, "020201", "COMPLAINT", CHANGSHUO, null);
        JsonPath d = get(id);
        assertThat(d.getString("lead.unitCode")).isEqualTo(ENFORCEMENT);
        assertThat(d.getList("assisting.unitCode", String.class)).containsExactly(CHANGSHUO_GOV);
        act(id, "sign", handler(CHANGSHUO_GOV), null).then().statusCode(403);
        act(id, "sign", handler(ENFORCEMENT), null).then().statusCode(200);
        act(id, "handle", handler(ENFORCEMENT), Map.of("note", "已责令夜间停工")).then().statusCode(200);
        act(id, "complete", handler(CHANGSHUO_GOV), null).then().statusCode(403);
        JsonPath blocked = act(id, "complete", handler(ENFORCEMENT), null).then().statusCode(409).extract().jsonPath();
        assertThat(blocked.getString("detail")).contains(CHANGSHUO_GOV);
        assertThat(blocked.getList("allowedActions", String.class)).doesNotContain("complete").contains("release-assist");
        act(id, "assist-report", handler("330523-POLICE"), Map.of("note", "x")).then().statusCode(403);
        act(id, "assist-report", handler(CHANGSHUO_GOV), Map.of("note", "社区已上门告知施工方")).then().statusCode(200)
                .body("assisting[0].status", equalTo("REPORTED"));
        act(id, "assist-report", handler(CHANGSHUO_GOV), Map.of("note", "again")).then().statusCode(409);
        act(id, "complete", handler(ENFORCEMENT), Map.of("note", "已处罚")).then().statusCode(200)
                .body("state", equalTo("COMPLETED"));

        String released = Dispatches.create(service, "020201", "COMPLAINT", CHANGSHUO, null);
        act(released, "sign", handler(ENFORCEMENT), null).then().statusCode(200);
        act(released, "release-assist", handler(ENFORCEMENT), Map.of("unitCode", CHANGSHUO_GOV)).then().statusCode(403);
        act(released, "release-assist", dispatcher(), Map.of("unitCode", CHANGSHUO_GOV)).then().statusCode(200)
                .body("assisting[0].status", equalTo("RELEASED"));
        act(released, "complete", handler(ENFORCEMENT), null).then().statusCode(200).body("state", equalTo("COMPLETED"));
    }

    @Test
    void concurrentSignAndReturnExactlyOneWins() throws Exception {
        for (int round = 0; round < 4; round++) {
            String id = Dispatches.create(service, "0601", "COMPLAINT", "330503100", null);
            String token = handler("330503-WATER");
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> sign = CompletableFuture.supplyAsync(() -> {
                await(start);
                return act(id, "sign", token, null).statusCode();
            });
            CompletableFuture<Integer> ret = CompletableFuture.supplyAsync(() -> {
                await(start);
                return act(id, "return", token, Map.of("reasonCode", "OTHER", "note", "并发测试")).statusCode();
            });
            start.countDown();
            List<Integer> codes = new ArrayList<>(List.of(sign.get(60, TimeUnit.SECONDS), ret.get(60, TimeUnit.SECONDS)));
            assertThat(codes).as("round " + round).containsExactlyInAnyOrder(200, 409);
            String expected = sign.get() == 200 ? "SIGNED" : "RETURNED";
            JsonPath after = get(id);
            assertThat(after.getString("state")).isEqualTo(expected);
            assertThat(after.getLong("version")).isEqualTo(1L);
        }
    }

    @Test
    void historyListsEveryAction() {
        String id = Dispatches.create(service, "0601", "COMPLAINT", "330503100", null);
        act(id, "sign", handler("330503-WATER"), Map.of("note", "收到")).then().statusCode(200);
        List<String> actions = given().auth().oauth2(dispatcher()).when().get("/api/v1/dispatches/" + id + "/history")
                .then().statusCode(200).extract().jsonPath().getList("action", String.class);
        assertThat(actions).containsExactly("assign", "sign");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
