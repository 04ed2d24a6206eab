package cn.hotline.e2e;

import static cn.hotline.e2e.Hotline.as;
import static cn.hotline.e2e.Hotline.asHandler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Scenario 5, the whole loop of issue 12: an urgent call no rule can place waits in the MANUAL queue on the duty
 * dispatcher's clock and SMS; the dispatcher places it; the unit returns it (its timers stop, the review clock
 * runs, the dispatcher is told); it is re-dispatched with an assisting unit, which gets its own SMS, signs and
 * reports; the lead completes; the citizen gets the status SMS, replies "2", and the KPIs count 基本满意 as
 * satisfied. And a ticket handed to 110 cancels its dispatch: the unit is told and hears nothing more.
 */
class NothingFallsThroughIT {

    private static final String COUNTY = "330523";
    private static final String STREET = "330523002-GOV";
    private static final String MARKET = "330523-MARKET";

    private static Hotline hotline;

    @BeforeAll
    static void startSuite() throws Exception {
        hotline = new Hotline(Suite.get());
    }

    @Test
    void anUrgentCallNoRulePlacesRunsTheWholeLoop() {
        Instant began = Instant.now();
        String citizen = Hotline.freshPhone();
        JsonPath ticket = hotline.createTicket(Map.of(
                "channel", "PHONE", "kind", "HELP", "urgency", "URGENT", "categoryCode", "0602",
                "content", "整栋楼突然停电，电梯里有老人被困", "caller", Map.of("name", "孙女士", "phone", citizen),
                "location", Map.of("address", "安吉县昌硕街道胜利西路18号")));
        String ticketId = ticket.getString("id");
        String number = ticket.getString("number");

        // No rule places 供电 in 安吉县: the MANUAL queue, on the duty dispatcher's two-minute clock, with an SMS.
        Map<String, Object> queued = hotline.awaitDispatch(ticketId, "queued",
                d -> "UNASSIGNED".equals(d.get("state")) && "MANUAL".equals(d.get("queue")));
        String firstId = (String) queued.get("id");
        Map<String, Object> queue = hotline.awaitTimer(ticketId, "QUEUE", "the dispatcher's clock",
                t -> "RUNNING".equals(t.get("state")));
        assertThat(queue.get("policyCode")).isEqualTo("MANUAL_QUEUE_URGENT");
        assertThat(Duration.between(Instant.parse((String) queue.get("startedAt")),
                Instant.parse((String) queue.get("deadline")))).isEqualTo(Duration.ofMinutes(2));
        String dispatcherPhone = commanderPhone();
        hotline.awaitSms(dispatcherPhone, "人工派单提醒", number);

        // The dispatcher places it on the street office; the queue clock is met.
        JsonPath assigned = hotline.act(as("dispatcher"), firstId, "assign", Map.of("leadUnitCode", STREET));
        assertThat(assigned.getString("state")).isEqualTo("ASSIGNED");
        hotline.awaitTimer(ticketId, "QUEUE", "met by the assignment", t -> "MET".equals(t.get("state")));
        hotline.awaitTimer(ticketId, "SIGN", "the street's clock", t -> firstId.equals(t.get("dispatchId")));
        String streetHandler = handlerOf(assigned.getString("handlerId"), STREET);

        // The street returns it: its stage timers stop, the review clock runs, the dispatcher hears why.
        hotline.act(asHandler(streetHandler, STREET), firstId, "return",
                Map.of("reasonCode", "NOT_OUR_JURISDICTION", "note", "电梯困人属特种设备，应由市场监管处置"));
        for (String stage : List.of("SIGN", "ARRIVE", "HANDLE")) {
            hotline.awaitTimer(ticketId, stage, "stopped by the return",
                    t -> firstId.equals(t.get("dispatchId")) && "CANCELLED".equals(t.get("state")));
        }
        Map<String, Object> review = hotline.awaitTimer(ticketId, "RETURN_REVIEW", "the dispatcher's review clock",
                t -> "RUNNING".equals(t.get("state")));
        assertThat(review.get("mode")).isEqualTo("WORKING");
        hotline.awaitSms(dispatcherPhone, "退单提醒", number, "非本单位职责");

        // Re-dispatched to market supervision, the street assisting; the review is met.
        JsonPath next = hotline.act(as("dispatcher"), firstId, "return-review", Map.of("decision", "ACCEPT",
                "note", "改派市场监管局，街道协办", "leadUnitCode", MARKET, "assistingUnitCodes", List.of(STREET)));
        String nextId = next.getString("id");
        hotline.awaitTimer(ticketId, "RETURN_REVIEW", "met by the re-dispatch", t -> "MET".equals(t.get("state")));

        // The assisting unit gets its own SMS and clocks, signs and reports its part.
        String assistPhone = phoneOf(handlerOf(null, STREET));
        hotline.awaitSms(assistPhone, "协办通知", number);
        hotline.awaitTimer(ticketId, "ASSIST_REPORT", "the street's own report clock",
                t -> nextId.equals(t.get("dispatchId")) && STREET.equals(t.get("unitCode")));
        String assistHandler = handlerOf(null, STREET);
        hotline.act(asHandler(assistHandler, STREET), nextId, "assist-sign", Map.of());
        hotline.act(asHandler(assistHandler, STREET), nextId, "assist-report", Map.of("note", "街道已协调物业启用应急电源"));
        hotline.awaitTimer(ticketId, "ASSIST_REPORT", "met by the report",
                t -> nextId.equals(t.get("dispatchId")) && "MET".equals(t.get("state")));

        // The lead signs and completes, seeing the street's report.
        String lead = handlerOf(next.getString("handlerId"), MARKET);
        hotline.act(asHandler(lead, MARKET), nextId, "sign", Map.of());
        JsonPath seen = hotline.dispatch(nextId);
        assertThat(seen.getString("assisting[0].status")).isEqualTo("REPORTED");
        assertThat(seen.getString("assisting[0].report")).isEqualTo("街道已协调物业启用应急电源");
        hotline.act(asHandler(lead, MARKET), nextId, "complete", Map.of("note", "已解救被困人员，恢复供电"));
        hotline.awaitTicketStatus(ticketId, "AWAITING_FOLLOWUP");

        // The citizen is told, replies 2 (基本满意), and the ticket closes on that answer.
        hotline.awaitSms(citizen, number, "满意");
        hotline.replyBySms(citizen, "2");
        // notify read the 2 as 基本满意 (not as 满意: the rate below could not tell them apart) and thanked for it.
        hotline.awaitSms(citizen, "感谢您对工单" + number + "的评价（基本满意）");
        hotline.awaitTicketStatus(ticketId, "CLOSED");

        // The KPIs, computed by sla from intake's ticket.closed, count 基本满意 as satisfied.
        await("the market unit's satisfaction rate").atMost(Hotline.BOUND).pollInterval(Hotline.POLL).until(() -> {
            List<Map<String, Object>> groups = as("supervisor").queryParam("groupBy", "unit")
                    .queryParam("from", began.minusSeconds(60).toString()).queryParam("to", Instant.now().plusSeconds(60).toString())
                    .when().get(hotline.url("sla", "/api/v1/kpis")).then().statusCode(200).extract().jsonPath()
                    .getList("groups");
            return groups.stream().filter(g -> MARKET.equals(g.get("key"))).findFirst()
                    .map(g -> g.get("satisfactionRate")).orElse(null);
        }, rate -> rate != null && ((Number) rate).doubleValue() == 1.0);
    }

    @Test
    void aTicketHandedTo110CancelsItsDispatchAndTheUnitHearsNoMore() {
        JsonPath ticket = hotline.createTicket(Map.of(
                "channel", "PHONE", "kind", "COMPLAINT", "urgency", "URGENT", "categoryCode", "0202",
                "content", "楼下有人持械斗殴", "caller", Map.of("name", "周先生", "phone", Hotline.freshPhone()),
                "location", Map.of("address", "安吉县昌硕街道胜利西路")));
        String ticketId = ticket.getString("id");
        String number = ticket.getString("number");
        Map<String, Object> dispatch = hotline.awaitDispatch(ticketId, "assigned", d -> "ASSIGNED".equals(d.get("state")));
        String dispatchId = (String) dispatch.get("id");
        String unit = (String) ((Map<?, ?>) dispatch.get("lead")).get("unitCode");
        String handler = handlerOf((String) dispatch.get("handlerId"), unit);
        String phone = phoneOf(handler);
        hotline.awaitSms(phone, "派单通知", number);
        hotline.awaitTimer(ticketId, "SIGN", "armed", t -> dispatchId.equals(t.get("dispatchId")));

        as("operator").body(Map.of("target", "110", "reason", "持械斗殴属警情"))
                .when().post(hotline.url("intake", "/api/v1/tickets/" + ticketId + "/transfer-out"))
                .then().statusCode(200);
        assertThat(hotline.awaitDispatchState(dispatchId, "CANCELLED").getString("ticketId")).isEqualTo(ticketId);
        hotline.awaitSms(phone, "撤单通知", number, "110");
        await("the cancelled dispatch's timers").atMost(Hotline.BOUND).pollInterval(Hotline.POLL)
                .until(() -> hotline.timers(ticketId), timers -> !timers.isEmpty()
                        && timers.stream().allMatch(t -> "CANCELLED".equals(t.get("state"))));
        // The urgent SIGN stage would have warned at 30 s and breached at 60 s; past both, nothing came.
        Instant assignedAt = Instant.parse((String) dispatch.get("createdAt"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Hotline.POLL)
                .until(() -> Instant.now().isAfter(assignedAt.plusSeconds(75)));
        assertThat(hotline.smsTo(phone, number)).extracting(m -> (String) m.get("text"))
                .noneMatch(text -> text.contains("时限预警") || text.contains("超时告警"));
        asHandler(handler, unit).body(Map.of()).when()
                .post(hotline.url("routing", "/api/v1/dispatches/" + dispatchId + "/sign")).then().statusCode(409);
    }

    private static String commanderPhone() {
        List<Map<String, Object>> commanders = as("dispatcher").queryParam("territoryCode", COUNTY)
                .when().get(hotline.url("routing", "/api/v1/directory/commanders/on-duty"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(commanders).as("a commander on duty for %s", COUNTY).isNotEmpty();
        return (String) commanders.get(0).get("phone");
    }

    private static String handlerOf(String named, String unit) {
        return named != null ? named : (String) hotline.onDuty(unit).get(0).get("personId");
    }

    private static String phoneOf(String personId) {
        return hotline.person(personId).getString("phone");
    }
}
