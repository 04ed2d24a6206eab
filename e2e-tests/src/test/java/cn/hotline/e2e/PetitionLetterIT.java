package cn.hotline.e2e;

import static cn.hotline.e2e.Hotline.as;
import static cn.hotline.e2e.Hotline.asHandler;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Scenario 2: a petition letter (信访) from 德清县. The PETITION policy arms the 15-day accept and the 60-day
 * handle timers from the dispatch, with deadlines as the 2026 calendar computes them; a hearing pauses and
 * resumes the clock (deadlines move by the paused span); an extension requested by the lead unit and
 * approved by a supervisor moves the handle deadline by the extension.
 */
class PetitionLetterIT {

    private static final String LEAD = "330521-HRSS";

    private static Hotline hotline;

    @BeforeAll
    static void startSuite() throws Exception {
        hotline = new Hotline(Suite.get());
    }

    @Test
    void petitionTimersPauseForAHearingAndMoveWithAnApprovedExtension() {
        JsonPath ticket = hotline.createTicket(Map.of(
                "channel", "LETTER", "kind", "PETITION", "categoryCode", "0401",
                "content", "来信反映：某建筑公司拖欠农民工工资三个月，多次讨要未果，请求依法处理",
                "caller", Map.of("name", "李先生", "phone", Hotline.freshPhone()),
                "location", Map.of("address", "德清县武康街道居仁社区")));
        String ticketId = ticket.getString("id");
        Instant receivedAt = Instant.parse(ticket.getString("receivedAt"));
        assertThat(ticket.getString("channel")).isEqualTo("LETTER");
        assertThat(ticket.getString("territory.countyCode")).isEqualTo("330521");

        Map<String, Object> dispatch = hotline.awaitDispatch(ticketId, "ASSIGNED", d -> "ASSIGNED".equals(d.get("state")));
        String dispatchId = (String) dispatch.get("id");
        assertThat(((Map<?, ?>) dispatch.get("lead")).get("unitCode")).isEqualTo(LEAD);
        String handlerId = (String) dispatch.get("handlerId");
        assertThat(handlerId).startsWith(LEAD + "-P");

        // The policy decides the stages; expectations come from the policy and the calendar API, not constants.
        JsonPath policy = hotline.policy("PETITION");
        String calendar = policy.getString("calendar");
        Map<String, Object> acceptStage = stage(policy, "ACCEPT");
        Map<String, Object> handleStage = stage(policy, "HANDLE");
        assertThat(acceptStage.get("duration")).isEqualTo("P15D");
        assertThat(handleStage.get("duration")).isEqualTo("P60D");
        List<String> daysOff = as("operator").when().get(hotline.url("sla", "/api/v1/calendars/" + calendar))
                .then().statusCode(200).extract().jsonPath().getList("daysOff", String.class);
        assertThat(daysOff).as("the policy's calendar carries the 2026 holidays").contains("2026-10-01", "2026-10-07");
        String acceptMode = String.valueOf(acceptStage.get("mode")).toLowerCase();
        String handleMode = String.valueOf(handleStage.get("mode")).toLowerCase();

        Map<String, Object> accept = hotline.awaitTimer(ticketId, "ACCEPT", "running", t -> "RUNNING".equals(t.get("state")));
        Map<String, Object> handle = hotline.awaitTimer(ticketId, "HANDLE", "running", t -> "RUNNING".equals(t.get("state")));
        assertThat(hotline.sla(ticketId).getString("policyCode")).isEqualTo("PETITION");
        assertThat(accept.get("dispatchId")).isEqualTo(dispatchId);
        Instant started = instant(accept, "startedAt");
        assertThat(started).as("timers start at the dispatch, after the letter was received")
                .isAfterOrEqualTo(receivedAt.minusMillis(1)).isBefore(receivedAt.plusSeconds(120));
        assertThat(instant(handle, "startedAt")).isEqualTo(started);
        Instant acceptDeadline = instant(accept, "deadline");
        Instant handleDeadline = instant(handle, "deadline");
        assertThat(acceptDeadline).isEqualTo(hotline.deadline(calendar, started, "P15D", acceptMode));
        assertThat(handleDeadline).isEqualTo(hotline.deadline(calendar, started, "P60D", handleMode));
        assertThat(Duration.between(started, handleDeadline)).isGreaterThanOrEqualTo(Duration.ofDays(60));

        // A hearing (听证): the clock stops, then runs again; the deadlines move by exactly the paused span.
        JsonPath paused = as("supervisor").when().post(hotline.url("sla", "/api/v1/tickets/" + ticketId + "/sla/pause"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(paused.<Map<String, Object>>getList("timers").stream()
                .filter(t -> List.of("ACCEPT", "HANDLE").contains(t.get("stage"))).map(t -> t.get("state")))
                .hasSize(2).containsOnly("PAUSED");
        assertThat(hotline.timer(ticketId, "HANDLE").get("pausedAt")).isNotNull();
        as("dispatcher").when().post(hotline.url("sla", "/api/v1/tickets/" + ticketId + "/sla/resume"))
                .then().statusCode(200);
        Map<String, Object> acceptAfter = hotline.timer(ticketId, "ACCEPT");
        Map<String, Object> handleAfter = hotline.timer(ticketId, "HANDLE");
        assertThat(acceptAfter.get("state")).isEqualTo("RUNNING");
        assertThat(handleAfter.get("state")).isEqualTo("RUNNING");
        List<Map<String, Object>> spans = castList(handleAfter.get("pausedSpans"));
        assertThat(spans).hasSize(1);
        Duration hearing = Duration.between(instant(spans.get(0), "start"), instant(spans.get(0), "end"));
        assertThat(hearing).isPositive();
        // Deadlines are stored with microsecond precision (PostgreSQL); the span is kept to the nanosecond.
        assertThat(micros(instant(acceptAfter, "deadline"))).isEqualTo(micros(acceptDeadline.plus(hearing)));
        assertThat(micros(instant(handleAfter, "deadline"))).isEqualTo(micros(handleDeadline.plus(hearing)));
        Instant handleResumed = instant(handleAfter, "deadline");

        // The lead unit signs (the accept stage is met on time), asks for 30 more days; a supervisor approves.
        hotline.act(asHandler(handlerId, LEAD), dispatchId, "sign", Map.of("note", "已收到来信"));
        hotline.awaitTimer(ticketId, "ACCEPT", "met", t -> "MET".equals(t.get("state")) && Boolean.TRUE.equals(t.get("onTime")));
        hotline.act(asHandler(handlerId, LEAD), dispatchId, "request-extension",
                Map.of("duration", "P30D", "reason", "需待劳动仲裁听证结论后处理，已告知信访人"));
        as("dispatcher").body(Map.of("approved", true)).when()
                .post(hotline.url("routing", "/api/v1/dispatches/" + dispatchId + "/extension-decision"))
                .then().statusCode(403);
        JsonPath decided = hotline.act(as("supervisor"), dispatchId, "extension-decision", Map.of("approved", true));
        assertThat(decided.getBoolean("extension.approved")).isTrue();
        assertThat(decided.getString("extension.duration")).isEqualTo("P30D");

        Map<String, Object> extended = hotline.awaitTimer(ticketId, "HANDLE", "extended", t -> "P30D".equals(t.get("extension")));
        assertThat(instant(extended, "deadline")).isEqualTo(hotline.deadline(calendar, handleResumed, "P30D", handleMode));
        assertThat(extended.get("state")).isEqualTo("RUNNING");
    }

    private static Map<String, Object> stage(JsonPath policy, String name) {
        return policy.<Map<String, Object>>getList("stages").stream().filter(s -> name.equals(s.get("stage"))).findFirst()
                .orElseThrow(() -> new AssertionError("PETITION has no " + name + " stage"));
    }

    private static Instant instant(Map<String, Object> map, String field) {
        Object value = map.get(field);
        assertThat(value).as(field).isNotNull();
        return Instant.parse(value.toString());
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
