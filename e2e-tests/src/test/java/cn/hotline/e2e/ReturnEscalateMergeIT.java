package cn.hotline.e2e;

import static cn.hotline.e2e.Hotline.as;
import static cn.hotline.e2e.Hotline.asHandler;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Scenario 3: a neighbour dispute in 递铺街道 (安吉县). The street office returns it (退单) as not its matter, the
 * dispatcher accepts the return and re-dispatches it to the county police, whose handler signs; the dispatcher
 * escalates it (提级); a second report of the same matter is merged into the first (并单): its dispatch is
 * cancelled on routing and its status is MERGED.
 */
class ReturnEscalateMergeIT {

    private static final String TOWN = "330523001-GOV";
    private static final String POLICE = "330523-POLICE";

    private static Hotline hotline;

    @BeforeAll
    static void startSuite() throws Exception {
        hotline = new Hotline(Suite.get());
    }

    @Test
    void returnedDispatchIsReDispatchedSignedEscalatedAndADuplicateIsMerged() {
        Map<String, Object> location = Map.of("address", "安吉县递铺街道桃城社区紫金花园12幢");
        JsonPath master = hotline.createTicket(Map.of(
                "channel", "PHONE", "kind", "COMPLAINT", "urgency", "NORMAL", "categoryCode", "0801",
                "content", "楼上邻居长期深夜聚众喝酒吵闹，多次协商无果并发生推搡",
                "caller", Map.of("name", "赵先生", "phone", Hotline.freshPhone()), "location", location));
        String masterId = master.getString("id");
        assertThat(master.getString("territory.townCode")).isEqualTo("330523001");

        Map<String, Object> first = hotline.awaitDispatch(masterId, "ASSIGNED", d -> "ASSIGNED".equals(d.get("state")));
        String firstId = (String) first.get("id");
        assertThat(((Map<?, ?>) first.get("lead")).get("unitCode")).isEqualTo(TOWN);
        String townHandler = (String) first.get("handlerId");
        assertThat(townHandler).startsWith(TOWN + "-P");
        hotline.awaitTicketStatus(masterId, "DISPATCHED");

        // 退单: the street office says it is not its matter, with a coded reason.
        JsonPath returned = hotline.act(asHandler(townHandler, TOWN), firstId, "return",
                Map.of("reasonCode", "NOT_OUR_JURISDICTION", "note", "涉及推搡等治安问题，应由公安机关处理"));
        assertThat(returned.getString("state")).isEqualTo("RETURNED");
        assertThat(returned.getString("returnReasonCode")).isEqualTo("NOT_OUR_JURISDICTION");

        // The dispatcher reviews: accepted, re-dispatched to the county police.
        JsonPath next = hotline.act(as("dispatcher"), firstId, "return-review",
                Map.of("decision", "ACCEPT", "note", "同意退单，改派公安", "leadUnitCode", POLICE, "assistingUnitCodes", List.of(TOWN)));
        String nextId = next.getString("id");
        assertThat(nextId).isNotEqualTo(firstId);
        assertThat(next.getString("state")).isEqualTo("ASSIGNED");
        assertThat(next.getString("lead.unitCode")).isEqualTo(POLICE);
        assertThat(next.getString("previousDispatchId")).isEqualTo(firstId);
        assertThat(hotline.dispatch(firstId).getString("state")).isEqualTo("REASSIGNED");
        assertThat(hotline.dispatches(masterId)).extracting(d -> d.get("state"))
                .containsExactlyInAnyOrder("REASSIGNED", "ASSIGNED");

        // The old unit can no longer sign; the new unit's on-duty handler signs.
        asHandler(townHandler, TOWN).body(Map.of()).when()
                .post(hotline.url("routing", "/api/v1/dispatches/" + nextId + "/sign")).then().statusCode(403);
        String policeHandler = next.getString("handlerId") != null ? next.getString("handlerId")
                : (String) hotline.onDuty(POLICE).get(0).get("personId");
        assertThat(policeHandler).startsWith(POLICE + "-P");
        JsonPath signed = hotline.act(asHandler(policeHandler, POLICE), nextId, "sign", Map.of("note", "派出所已签收"));
        assertThat(signed.getString("state")).isEqualTo("SIGNED");
        hotline.awaitTicketStatus(masterId, "IN_PROGRESS");
        // sla follows the re-dispatch: the new dispatch's SIGN timer is met.
        hotline.awaitTimer(masterId, "SIGN", "met for the new dispatch",
                t -> nextId.equals(t.get("dispatchId")) && "MET".equals(t.get("state")));

        // 提级研判: the dispatcher raises the level; the same unit keeps working.
        JsonPath escalated = hotline.act(as("dispatcher"), nextId, "escalate", Map.of("reason", "多次调解无果，存在矛盾激化风险"));
        assertThat(escalated.getInt("escalationLevel")).isEqualTo(1);
        assertThat(escalated.getString("escalationReason")).isEqualTo("多次调解无果，存在矛盾激化风险");
        assertThat(escalated.getString("state")).isEqualTo("SIGNED");
        assertThat(escalated.getString("lead.unitCode")).isEqualTo(POLICE);
        assertThat(escalated.getList("explanation", String.class)).anySatisfy(line -> assertThat(line).contains("escalated to level 1"));
        assertThat(hotline.dispatch(nextId).getInt("escalationLevel")).isEqualTo(1);

        // 并单: a neighbour reports the same matter; its dispatch goes out, then it is merged into the master.
        JsonPath duplicate = hotline.createTicket(Map.of(
                "channel", "PHONE", "kind", "COMPLAINT", "urgency", "NORMAL", "categoryCode", "0801",
                "content", "紫金花园12幢楼上深夜喝酒吵闹还推搡邻居",
                "caller", Map.of("name", "钱女士", "phone", Hotline.freshPhone()), "location", location));
        String duplicateId = duplicate.getString("id");
        Map<String, Object> duplicateDispatch = hotline.awaitDispatch(duplicateId, "ASSIGNED", d -> "ASSIGNED".equals(d.get("state")));
        String duplicateDispatchId = (String) duplicateDispatch.get("id");
        // Merge once sla has armed the duplicate's timers: sla consumes ticket.merged and dispatch.assigned from
        // different topics, and a merge it sees before the assignment leaves timers armed for the merged ticket
        // (reported as a finding); this scenario proves the ordinary order.
        hotline.awaitTimer(duplicateId, "SIGN", "armed", t -> duplicateDispatchId.equals(t.get("dispatchId")));

        JsonPath merged = as("operator").body(Map.of("masterTicketId", masterId))
                .when().post(hotline.url("intake", "/api/v1/tickets/" + duplicateId + "/merge"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(merged.getString("status")).isEqualTo("MERGED");
        assertThat(merged.getString("masterTicketId")).isEqualTo(masterId);
        assertThat(hotline.awaitDispatchState(duplicateDispatchId, "CANCELLED").getString("ticketId")).isEqualTo(duplicateId);
        assertThat(hotline.ticket(duplicateId).getString("status")).isEqualTo("MERGED");
        org.awaitility.Awaitility.await("the duplicate's SLA timers cancelled").atMost(Hotline.BOUND).pollInterval(Hotline.POLL)
                .until(() -> hotline.timers(duplicateId), timers -> !timers.isEmpty()
                        && timers.stream().allMatch(t -> "CANCELLED".equals(t.get("state"))));
        // The master is untouched by the merge.
        assertThat(hotline.dispatch(nextId).getString("state")).isEqualTo("SIGNED");
        assertThat(hotline.ticket(masterId).getString("status")).isEqualTo("IN_PROGRESS");
    }
}
