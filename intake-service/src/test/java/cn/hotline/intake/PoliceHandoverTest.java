package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.police.PoliceReceiver;
import cn.hotline.police.ReceivedHandover;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Transfer-out hands the ticket to a real 110 receiver over HTTP (the stand-in, in this JVM): delivered once with the
 * receipt on the trail; retried while 110 is away; recognised by 110 when it is sent again after 110 kept it but
 * intake never recorded the answer; FAILED and visible when it keeps failing, until a person retries it.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
@QuarkusTestResource(value = PoliceReceiverResource.class, restrictToAnnotatedClass = false)
class PoliceHandoverTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    IntakeConfig config;

    @AfterEach
    void receiverBack() {
        PoliceReceiver receiver = PoliceReceiverResource.receiver();
        receiver.loseAcks(false);
        receiver.start();
    }

    @Test
    void transferOutIsDeliveredOnceWithTheReceiptOnTheTrail() {
        String phone = Tickets.freshPhone();
        String id = Tickets.create(Tickets.simple(phone));
        transferOut(id, "现场有人持刀，属警情");
        String number = number(id);

        ReceivedHandover received = awaitReceivedOnce(number);
        Map<String, Object> body = received.handover();
        assertThat(body.get("ticketId")).isEqualTo(id);
        assertThat(body.get("reason")).isEqualTo("现场有人持刀，属警情");
        assertThat(body.get("transferredBy")).isEqualTo("test-dispatcher");
        assertThat(body.get("categoryCode")).isEqualTo("0202");
        assertThat(body.get("content")).isEqualTo("楼上噪声扰民，晚上十点后仍在装修");
        assertThat(map(body.get("caller"))).containsEntry("phone", phone).containsEntry("name", "张三");
        assertThat(map(body.get("location"))).containsEntry("address", "安吉县天荒坪镇余村").containsEntry("countyCode", "330523");
        assertThat(body.get("transferredAt")).isNotNull();
        assertThat(body.get("handoverId")).isEqualTo(received.handoverId());

        JsonPath entry = awaitAcknowledgedOnTrail(id);
        assertThat(entry.getString("reference")).isEqualTo(received.acknowledgementId());
        assertThat(entry.getString("actor")).isEqualTo("110");
        JsonPath handover = handover(id);
        assertThat(handover.getString("status")).isEqualTo("DELIVERED");
        assertThat(handover.getString("acknowledgementId")).isEqualTo(received.acknowledgementId());
        assertThat(handover.getInt("attempts")).isEqualTo(1);
        assertThat(received.deliveries()).isEqualTo(1);
        // The listing shows state, never the caller.
        assertThat(given().auth().oauth2(TestJwt.token("dispatcher")).get("/api/v1/police-handovers?ticketId=" + id).asString())
                .doesNotContain(phone);
        // A desk kept to a territory lists only the hand-overs of its own tickets.
        assertThat(given().auth().oauth2(TestJwt.inTerritory("dispatcher", "330523")).get("/api/v1/police-handovers?ticketId=" + id)
                .then().statusCode(200).extract().jsonPath().getList("ticketId", String.class)).containsExactly(id);
        assertThat(given().auth().oauth2(TestJwt.inTerritory("dispatcher", "330502")).get("/api/v1/police-handovers?ticketId=" + id)
                .then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void whileTheReceiverIsDownTheHandoverIsRetriedAndDeliveredOnceWhenItIsBack() {
        PoliceReceiver receiver = PoliceReceiverResource.receiver();
        receiver.stop();
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        transferOut(id, "疑似盗窃，需出警");
        await().atMost(BOUND).untilAsserted(() -> {
            JsonPath h = handover(id);
            assertThat(h.getString("status")).isEqualTo("PENDING");
            assertThat(h.getInt("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(h.getString("lastError")).isNotBlank();
            assertThat(h.getString("nextAttemptAt")).isNotNull();
        });
        assertThat(trailActions(id)).doesNotContain("HANDOVER_ACKNOWLEDGED");
        receiver.start();

        ReceivedHandover received = awaitReceivedOnce(number(id));
        assertThat(awaitAcknowledgedOnTrail(id).getString("reference")).isEqualTo(received.acknowledgementId());
        assertThat(received.deliveries()).isEqualTo(1);
        assertThat(handover(id).getInt("attempts")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aHandoverSentAgainAfterTheReceiverKeptItButIntakeNeverRecordedTheAnswerIsListedOnce() {
        PoliceReceiver receiver = PoliceReceiverResource.receiver();
        // First: 110 keeps it but its answer is lost, so intake sends it again.
        receiver.loseAcks(true);
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        transferOut(id, "聚众斗殴");
        String number = number(id);
        await().atMost(BOUND).untilAsserted(() -> assertThat(received(number)).singleElement()
                .satisfies(h -> assertThat(h.deliveries()).isGreaterThanOrEqualTo(2)));
        assertThat(handover(id).getString("status")).isEqualTo("PENDING");
        receiver.loseAcks(false);
        ReceivedHandover first = awaitReceivedOnce(number);
        String acknowledgementId = awaitAcknowledgedOnTrail(id).getString("reference");
        assertThat(acknowledgementId).isEqualTo(first.acknowledgementId());

        // Then: intake "crashed" after 110 answered and before its commit — the row is PENDING again, no receipt kept.
        pool.preparedQuery("update police_handover set status = 'PENDING', acknowledgement_id = null, acknowledged_at = null,"
                + " next_attempt_at = now() where ticket_id = $1::uuid").execute(Tuple.of(id)).await().atMost(BOUND);
        pool.preparedQuery("delete from ticket_trail where ticket_id = $1::uuid and action = 'HANDOVER_ACKNOWLEDGED'")
                .execute(Tuple.of(id)).await().atMost(BOUND);
        await().atMost(BOUND).untilAsserted(() -> assertThat(handover(id).getString("status")).isEqualTo("DELIVERED"));
        ReceivedHandover again = awaitReceivedOnce(number);
        assertThat(again.deliveries()).isGreaterThan(first.deliveries());
        assertThat(again.acknowledgementId()).isEqualTo(acknowledgementId);
        assertThat(awaitAcknowledgedOnTrail(id).getString("reference")).isEqualTo(acknowledgementId);
        assertThat(handover(id).getString("acknowledgementId")).isEqualTo(acknowledgementId);
    }

    @Test
    void aHandoverThatKeepsFailingIsFailedOnTheTrailAndInTheGaugeUntilAPersonRetriesIt() {
        PoliceReceiver receiver = PoliceReceiverResource.receiver();
        receiver.stop();
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        transferOut(id, "醉酒滋事");
        await().atMost(BOUND).untilAsserted(() -> assertThat(handover(id).getInt("attempts")).isGreaterThanOrEqualTo(1));
        // Jump to the last attempt allowed instead of waiting for all of them.
        pool.preparedQuery("update police_handover set attempts = $2 where ticket_id = $1::uuid")
                .execute(Tuple.of(id, config.police().maxAttempts() - 1)).await().atMost(BOUND);
        await().atMost(BOUND).untilAsserted(() -> assertThat(handover(id).getString("status")).isEqualTo("FAILED"));
        JsonPath failed = handover(id);
        assertThat(failed.getInt("attempts")).isEqualTo(config.police().maxAttempts());
        assertThat(failed.getString("lastError")).isNotBlank();
        assertThat(trailActions(id)).containsSubsequence("TRANSFERRED_OUT", "HANDOVER_FAILED");
        assertThat(given().auth().oauth2(TestJwt.token("supervisor")).get("/api/v1/police-handovers?status=failed")
                .then().statusCode(200).extract().<String>jsonPath().getList("ticketId", String.class)).contains(id);
        await().atMost(BOUND).untilAsserted(() -> assertThat(gauge("FAILED")).isGreaterThanOrEqualTo(1.0));

        receiver.start();
        String handoverId = failed.getString("id");
        // Nothing more happens by itself.
        assertThat(handover(id).getString("status")).isEqualTo("FAILED");
        given().auth().oauth2(TestJwt.token("operator")).post("/api/v1/police-handovers/" + handoverId + "/retry")
                .then().statusCode(403);
        given().auth().oauth2(TestJwt.inTerritory("dispatcher", "000000")).post("/api/v1/police-handovers/" + handoverId + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestJwt.token("dispatcher")).post("/api/v1/police-handovers/" + handoverId + "/retry")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("attempts", org.hamcrest.Matchers.equalTo(0));
        ReceivedHandover received = awaitReceivedOnce(number(id));
        assertThat(awaitAcknowledgedOnTrail(id).getString("reference")).isEqualTo(received.acknowledgementId());
        assertThat(trailActions(id)).containsSubsequence("TRANSFERRED_OUT", "HANDOVER_FAILED", "HANDOVER_RETRIED",
                "HANDOVER_ACKNOWLEDGED");
        given().auth().oauth2(TestJwt.token("dispatcher")).post("/api/v1/police-handovers/" + handoverId + "/retry")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badQueriesAreRefusedNamingTheField() {
        String token = TestJwt.token("dispatcher");
        given().auth().oauth2(token).get("/api/v1/police-handovers?status=LOST").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("status"));
        given().auth().oauth2(token).get("/api/v1/police-handovers?ticketId=nope").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("ticketId"));
        given().auth().oauth2(token).get("/api/v1/police-handovers?limit=0").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("limit"));
        given().auth().oauth2(token).post("/api/v1/police-handovers/" + java.util.UUID.randomUUID() + "/retry")
                .then().statusCode(404);
        given().auth().oauth2(TestJwt.token("handler")).get("/api/v1/police-handovers").then().statusCode(403);
    }

    @Test
    void aTransferToAnotherTargetIsNotHandedTo110() {
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        given().auth().oauth2(TestJwt.token("dispatcher")).contentType("application/json")
                .body(Map.of("reason", "火情，转119", "target", "119")).post("/api/v1/tickets/" + id + "/transfer-out")
                .then().statusCode(200);
        assertThat(given().auth().oauth2(TestJwt.token("dispatcher")).get("/api/v1/police-handovers?ticketId=" + id)
                .then().statusCode(200).extract().<String>jsonPath().getList("$")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static void transferOut(String id, String reason) {
        given().auth().oauth2(TestJwt.token("dispatcher")).contentType("application/json")
                .body(Map.of("reason", reason)).post("/api/v1/tickets/" + id + "/transfer-out")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("TRANSFERRED_OUT"));
    }

    private static String number(String id) {
        return given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + id).then().statusCode(200)
                .extract().path("number");
    }

    private static List<ReceivedHandover> received(String number) {
        return PoliceReceiverResource.receiver().handovers().stream()
                .filter(h -> number.equals(h.handover().get("ticketNumber"))).toList();
    }

    private static ReceivedHandover awaitReceivedOnce(String number) {
        await().atMost(BOUND).untilAsserted(() -> assertThat(received(number)).hasSize(1));
        return received(number).get(0);
    }

    /** The one hand-over of the ticket, as the listing shows it. */
    private static JsonPath handover(String ticketId) {
        JsonPath list = given().auth().oauth2(TestJwt.token("dispatcher")).get("/api/v1/police-handovers?ticketId=" + ticketId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("$")).hasSize(1);
        return JsonPath.from(list.prettify()).setRootPath("getAt(0)");
    }

    private static List<String> trailActions(String id) {
        return given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + id + "/trail").then().statusCode(200)
                .extract().jsonPath().getList("action", String.class);
    }

    /** The one HANDOVER_ACKNOWLEDGED entry of the ticket's trail (fails while there is none or more than one). */
    private static JsonPath awaitAcknowledgedOnTrail(String id) {
        await().atMost(BOUND).untilAsserted(() -> assertThat(trailActions(id)).containsOnlyOnce("HANDOVER_ACKNOWLEDGED"));
        JsonPath trail = given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + id + "/trail").jsonPath();
        assertThat(trail.getList("action", String.class)).filteredOn("HANDOVER_ACKNOWLEDGED"::equals).hasSize(1);
        return JsonPath.from(trail.prettify()).setRootPath("find { it.action == 'HANDOVER_ACKNOWLEDGED' }");
    }

    private static double gauge(String status) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("hotline_police_handovers{") && l.contains("status=\"" + status + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
