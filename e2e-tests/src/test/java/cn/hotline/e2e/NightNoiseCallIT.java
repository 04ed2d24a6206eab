package cn.hotline.e2e;

import static cn.hotline.e2e.Hotline.BOUND;
import static cn.hotline.e2e.Hotline.POLL;
import static cn.hotline.e2e.Hotline.as;
import static cn.hotline.e2e.Hotline.asHandler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Scenario 1: a night-time construction-noise call in 昌硕街道 (安吉县), urgent. The call becomes a ticket, the
 * enforcement bureau leads with the street office assisting, the on-duty handler gets the dispatch SMS, does
 * not sign, the SLA warns and breaches and the SMS climbs the ladder (handler, unit leader, commander), the
 * handler signs by replying to the SMS, arrives, handles, completes; the follow-up closes the ticket and the
 * KPIs show the one late sign.
 */
class NightNoiseCallIT {

    private static final String LEAD = "330523-ENFORCEMENT";
    private static final String STREET = "330523002-GOV";

    private static Hotline hotline;

    @BeforeAll
    static void startSuite() throws Exception {
        hotline = new Hotline(Suite.get());
    }

    @Test
    void urgentNoiseIsSignedLateBySmsReplyThenCompletedAndClosed() {
        Instant testStart = Instant.now().minusSeconds(1);
        installShortenedUrgentPolicyAndChain();

        String callerPhone = Hotline.freshPhone();
        java.time.ZonedDateTime local = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        java.time.ZonedDateTime lastNight = local.withHour(23).withMinute(10).withSecond(0).withNano(0);
        Instant occurredAt = (lastNight.isAfter(local) ? lastNight.minusDays(1) : lastNight).toInstant();
        JsonPath ticket = hotline.createTicket(Map.of("occurredAt", occurredAt.toString(),
                "channel", "PHONE", "kind", "COMPLAINT", "urgency", "URGENT", "categoryCode", "020201",
                "content", "夜里十一点多工地还在打桩施工，噪声扰民，无法入睡",
                "caller", Map.of("name", "王女士", "phone", callerPhone),
                "location", Map.of("address", "安吉县昌硕街道天目社区天目路工地")));
        String ticketId = ticket.getString("id");
        String number = ticket.getString("number");
        assertThat(ticket.getString("status")).isEqualTo("ACCEPTED");
        assertThat(Instant.parse(ticket.getString("occurredAt"))).isEqualTo(occurredAt);
        assertThat(ticket.getString("territory.countyCode")).isEqualTo("330523");
        assertThat(ticket.getString("territory.townCode")).isEqualTo("330523002");

        // Routing: 安吉县综合行政执法局 leads, 昌硕街道办事处 assists, the lead's on-duty handler is named.
        Map<String, Object> dispatch = hotline.awaitDispatch(ticketId, "ASSIGNED", d -> "ASSIGNED".equals(d.get("state")));
        String dispatchId = (String) dispatch.get("id");
        JsonPath d = hotline.dispatch(dispatchId);
        assertThat(d.getString("lead.unitCode")).isEqualTo(LEAD);
        assertThat(d.getString("lead.unitName")).isEqualTo("安吉县综合行政执法局");
        assertThat(d.getList("assisting.unitCode")).containsExactly(STREET);
        assertThat(d.getList("assisting.unitName")).containsExactly("昌硕街道办事处");
        assertThat(d.getString("urgency")).isEqualTo("URGENT");
        String handlerId = d.getString("handlerId");
        assertThat(handlerId).as("the lead's on-duty handler").startsWith(LEAD + "-P");
        List<Map<String, Object>> onDutyAtAssignment = as("dispatcher").queryParam("at", d.getString("createdAt"))
                .when().get(hotline.url("routing", "/api/v1/directory/units/" + LEAD + "/on-duty"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(onDutyAtAssignment).extracting(p -> p.get("personId")).contains(handlerId);
        String handlerPhone = hotline.person(handlerId).getString("phone");
        JsonPath leader = hotline.unit(LEAD);
        String leaderPhone = leader.getString("leader.phone");
        assertThat(leaderPhone).isNotBlank();

        // The dispatch SMS reaches the on-duty handler's phone at the SMSC.
        Map<String, Object> dispatchSms = hotline.awaitSms(handlerPhone, "派单通知", number);
        assertThat((String) dispatchSms.get("text")).contains("回复1");

        // Not signed: the 50 % warning and the breach fire on the SIGN timer ...
        Map<String, Object> sign = hotline.awaitTimer(ticketId, "SIGN", "breached", t -> Boolean.TRUE.equals(t.get("breached")));
        assertThat(sign.get("policyCode")).isEqualTo("URGENT");
        assertThat(sign.get("duration")).isEqualTo("PT20S");
        assertThat(sign.get("dispatchId")).isEqualTo(dispatchId);
        assertThat((List<?>) sign.get("warningsFired")).anySatisfy(w -> assertThat(String.valueOf(w)).startsWith("50"));
        // ... and the SMS climb the ladder: warning to the handler, breach to handler and unit leader, then the
        // escalation to the commander on duty of 安吉县's command centre.
        hotline.awaitSms(handlerPhone, "时限预警", number);
        hotline.awaitSms(handlerPhone, "超时告警", number);
        hotline.awaitSms(leaderPhone, "超时告警", number);
        Map<String, Object> commanderNotice = await("escalation to the commander").atMost(BOUND).pollInterval(POLL)
                .until(() -> hotline.notifications(ticketId).stream()
                        .filter(n -> "COMMANDER".equals(n.get("recipientRole")) && "SLA_ESCALATED".equals(n.get("templateCode")))
                        .filter(n -> n.get("sentAt") != null).findFirst(), java.util.Optional::isPresent).get();
        String commanderPhone = hotline.person((String) commanderNotice.get("recipientId")).getString("phone");
        assertThat((String) commanderNotice.get("recipientId")).startsWith("330523-COMMAND-P");
        hotline.awaitSms(commanderPhone, "升级提醒", number);
        assertThat(hotline.dispatch(dispatchId).getString("state")).isEqualTo("ASSIGNED");

        // The handler signs by replying "1" to the SMS: routing shows SIGNED by that handler, and a confirmation.
        hotline.replyBySms(handlerPhone, "1");
        hotline.awaitDispatchState(dispatchId, "SIGNED");
        hotline.awaitSms(handlerPhone, "已为您签收", number);
        hotline.awaitTimer(ticketId, "SIGN", "met late", t -> "MET".equals(t.get("state")) && Boolean.FALSE.equals(t.get("onTime")));
        hotline.awaitTicketStatus(ticketId, "IN_PROGRESS");

        // Arrive, handle, the street office reports its part, the lead completes.
        var handler = asHandler(handlerId, LEAD);
        hotline.act(handler, dispatchId, "arrive", Map.of("lat", 30.64, "lon", 119.68));
        hotline.act(asHandler(handlerId, LEAD), dispatchId, "handle", Map.of("note", "已责令工地立即停止夜间施工"));
        String streetPerson = (String) hotline.onDuty(STREET).get(0).get("personId");
        hotline.act(asHandler(streetPerson, STREET), dispatchId, "assist-report", Map.of("note", "街道已联系施工方并做好居民解释"));
        JsonPath completed = hotline.act(asHandler(handlerId, LEAD), dispatchId, "complete", Map.of("note", "已办结"));
        assertThat(completed.getString("state")).isEqualTo("COMPLETED");

        // Intake: awaiting follow-up; the citizen is satisfied; closed.
        hotline.awaitTicketStatus(ticketId, "AWAITING_FOLLOWUP");
        JsonPath closed = as("operator").body(Map.of("resolution", "RESOLVED", "satisfaction", "SATISFIED", "note", "已无噪声"))
                .when().post(hotline.url("intake", "/api/v1/tickets/" + ticketId + "/follow-up"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(hotline.ticket(ticketId).getString("status")).isEqualTo("CLOSED");

        // KPIs over this test's window: the enforcement bureau had one dispatch, signed late → 0 % on time.
        Instant testEnd = Instant.now().plusSeconds(60);
        Map<String, Object> kpi = await("KPIs of " + LEAD).atMost(BOUND).pollInterval(POLL).until(() -> kpiOf(testStart, testEnd),
                k -> k != null && k.get("onTimeSignRate") != null && ((Number) k.get("dispatches")).longValue() == 1
                        && k.get("satisfactionRate") != null);
        assertThat(((Number) kpi.get("onTimeSignRate")).doubleValue()).isEqualTo(0.0);
        assertThat(((Number) kpi.get("responseRate")).doubleValue()).isEqualTo(0.0);
        assertThat(((Number) kpi.get("satisfactionRate")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) kpi.get("tickets")).longValue()).isEqualTo(1);
    }

    private static Map<String, Object> kpiOf(Instant from, Instant to) {
        List<Map<String, Object>> groups = as("supervisor").queryParam("groupBy", "unit")
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get(hotline.url("sla", "/api/v1/kpis")).then().statusCode(200).extract().jsonPath().getList("groups");
        return groups.stream().filter(g -> LEAD.equals(g.get("key"))).findFirst().orElse(null);
    }

    /**
     * Urgent night noise from a construction site is the enforcement bureau's (the seed's R-013 sends urgent
     * 噪声扰民 to the police under 12345–110 linkage); a 施工噪声 rule for 安吉县 says so. The URGENT SIGN
     * stage is shortened to 20 s and the commander step of its chain to 3 s, so waiting is not the point.
     */
    private static void installShortenedUrgentPolicyAndChain() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("ruleId", "R-E2E-201");
        rule.put("categoryCode", "020201");
        rule.put("urgency", "URGENT");
        rule.put("territoryCode", "330523");
        rule.put("lead", "COUNTY:ENFORCEMENT");
        rule.put("assisting", List.of("TOWN_GOVERNMENT"));
        rule.put("priority", 300);
        rule.put("description", "夜间施工噪声由综合执法主办、属地街道协办");
        hotline.installRule(rule);

        Map<String, Object> policy = new HashMap<>(hotline.policy("URGENT").getMap("$"));
        List<Map<String, Object>> stages = new ArrayList<>();
        for (Map<String, Object> stage : hotline.policy("URGENT").<Map<String, Object>>getList("stages")) {
            Map<String, Object> copy = new HashMap<>(stage);
            if ("SIGN".equals(copy.get("stage"))) {
                copy.put("duration", "PT20S");
                copy.put("reminderInterval", "PT10M");
            }
            stages.add(copy);
        }
        policy.put("stages", stages);
        hotline.putPolicy("URGENT", policy);

        hotline.putChain("URGENT", "SIGN", List.of(
                level(1, "DISPATCHED", null, null, List.of("HANDLER"), "DISPATCH_ASSIGNED"),
                level(2, "WARNING", 50, null, List.of("HANDLER"), "SLA_WARNING"),
                level(3, "BREACHED", null, null, List.of("HANDLER", "UNIT_LEADER"), "SLA_BREACHED"),
                level(4, "BREACHED", null, "PT3S", List.of("COMMANDER"), "SLA_ESCALATED")));
    }

    private static Map<String, Object> level(int level, String trigger, Integer threshold, String delay, List<String> recipients,
            String template) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("level", level);
        map.put("trigger", trigger);
        if (threshold != null) {
            map.put("thresholdPercent", threshold);
        }
        if (delay != null) {
            map.put("delay", delay);
        }
        map.put("recipients", recipients);
        map.put("template", template);
        return map;
    }
}
