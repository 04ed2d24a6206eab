package cn.hotline.e2e;

import static cn.hotline.e2e.Hotline.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Scenario: 12345 → 110 linkage. Police matters transferred out reach the (stand-in) 110 receiver exactly once, each
 * with 110's receipt on the ticket's trail — also when intake is killed mid-delivery: one hand-over 110 kept but whose
 * acknowledgement never reached intake, one made while 110 was unreachable; then intake is killed, 110 comes back
 * (a new process, what it kept replayed from its file), intake restarts and delivers both, once each.
 */
class PoliceHandoverIT {

    private static Suite suite;
    private static Hotline hotline;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.get();
        hotline = new Hotline(suite);
    }

    @Test
    void transferredOutTicketsReach110OnceAlsoWhenIntakeIsKilledMidDelivery() throws Exception {
        String plain = transferredOut("小区门口有人持刀威胁路人", "现场持刀，属警情");
        Map<String, Object> plainReceived = awaitListedOnce(plain, 1);
        assertThat(map(plainReceived.get("handover"))).containsEntry("reason", "现场持刀，属警情")
                .containsEntry("transferredBy", "test-dispatcher").containsEntry("ticketId", plain);
        assertReceiptOnTrail(plain, plainReceived);

        // 110 keeps this one, but its answer is lost: intake has no receipt and keeps sending it.
        given().post(suite.policeReceiver() + "/control/lose-acks?enabled=true").then().statusCode(200);
        String lostAck = transferredOut("有人酒后砸车，车主受伤", "涉嫌故意毁坏财物和伤害");
        await("110 kept " + lostAck).atMost(Hotline.BOUND).pollInterval(Hotline.POLL)
                .until(() -> listed(lostAck).size() == 1);
        assertThat(handover(lostAck).getString("status")).isEqualTo("PENDING");

        // 110 unreachable: this one waits in intake.
        suite.stop("police");
        String unreachable = transferredOut("商场内发现可疑包裹", "疑似危险物品，需警方处置");
        await("attempts for " + unreachable).atMost(Hotline.BOUND).pollInterval(Hotline.POLL)
                .until(() -> handover(unreachable).getInt("attempts") >= 1);
        assertThat(handover(unreachable).getString("status")).isEqualTo("PENDING");

        suite.kill("intake");
        suite.restart("police");
        suite.restart("intake");

        Map<String, Object> lostAckReceived = awaitListedOnce(lostAck, 2);
        Map<String, Object> unreachableReceived = awaitListedOnce(unreachable, 1);
        assertReceiptOnTrail(lostAck, lostAckReceived);
        assertReceiptOnTrail(unreachable, unreachableReceived);
        assertThat(handover(lostAck).getString("acknowledgementId")).isEqualTo(lostAckReceived.get("acknowledgementId"));
        assertThat(handover(unreachable).getString("status")).isEqualTo("DELIVERED");

        // 110's whole list: every hand-over once, and the three tickets among them once each.
        List<Map<String, Object>> all = given().get(suite.policeReceiver() + "/handovers").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(all).extracting(h -> h.get("handoverId")).doesNotHaveDuplicates();
        assertThat(all).extracting(h -> map(h.get("handover")).get("ticketId"))
                .containsOnlyOnce(plain, lostAck, unreachable);
    }

    /** A new ticket, transferred out to 110; its id. */
    private static String transferredOut(String content, String reason) {
        String id = hotline.createTicket(Map.of("channel", "PHONE", "kind", "REPORT", "urgency", "URGENT",
                "content", content, "caller", Map.of("name", "钱女士", "phone", Hotline.freshPhone()),
                "location", Map.of("address", "安吉县递铺街道桃城社区"))).getString("id");
        as("dispatcher").body(Map.of("reason", reason)).when()
                .post(hotline.url("intake", "/api/v1/tickets/" + id + "/transfer-out"))
                .then().statusCode(200);
        return id;
    }

    /** What 110 lists for the ticket. */
    private static List<Map<String, Object>> listed(String ticketId) {
        String number = hotline.ticket(ticketId).getString("number");
        return given().queryParam("ticketNumber", number).get(suite.policeReceiver() + "/handovers").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** The ticket listed exactly once by 110, once intake holds its receipt, delivered at least {@code deliveries} times. */
    private static Map<String, Object> awaitListedOnce(String ticketId, int deliveries) {
        await("110 acknowledged " + ticketId).atMost(Hotline.BOUND).pollInterval(Hotline.POLL)
                .until(() -> "DELIVERED".equals(handover(ticketId).getString("status")));
        List<Map<String, Object>> listed = listed(ticketId);
        assertThat(listed).hasSize(1);
        assertThat((Integer) listed.get(0).get("deliveries")).isGreaterThanOrEqualTo(deliveries);
        return listed.get(0);
    }

    private static void assertReceiptOnTrail(String ticketId, Map<String, Object> received) {
        List<Map<String, Object>> trail = as("operator").when().get(hotline.url("intake", "/api/v1/tickets/" + ticketId + "/trail"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(trail).filteredOn(e -> "TRANSFERRED_OUT".equals(e.get("action"))).hasSize(1);
        assertThat(trail).filteredOn(e -> "HANDOVER_ACKNOWLEDGED".equals(e.get("action")))
                .singleElement().satisfies(e -> assertThat(e.get("reference")).isEqualTo(received.get("acknowledgementId")));
    }

    /** intake's view of the ticket's one hand-over. */
    private static JsonPath handover(String ticketId) {
        JsonPath list = as("dispatcher").queryParam("ticketId", ticketId)
                .when().get(hotline.url("intake", "/api/v1/police-handovers")).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("$")).hasSize(1);
        return JsonPath.from(list.prettify()).setRootPath("getAt(0)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
