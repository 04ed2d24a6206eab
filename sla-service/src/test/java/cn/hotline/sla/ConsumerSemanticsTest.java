package cn.hotline.sla;

import cn.hotline.testsupport.TestClock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.events.payload.TicketMerged;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Timer semantics driven by real dispatch.* and ticket.* events over Kafka, with the test clock frozen on a
 * working Tuesday (2026-03-10): start/stop, re-dispatch, extension, pause/resume, met after breach, merge.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class ConsumerSemanticsTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    TestClock clock;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void signStopsTheSignTimerReDispatchKeepsTheCloseTimerExtensionAndPauseMoveDeadlines() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        String d1 = SlaTestEvents.id();
        String d2 = SlaTestEvents.id();
        clock.set(at("2026-03-10T09:00"));
        events.dispatch(EventTypes.DISPATCH_ASSIGNED, ticket, d1, "U-A", "NORMAL", "HELP", at("2026-03-10T09:00"));
        JsonPath sla = awaitTimers(ticket, 2);
        assertThat(sla.getString("policyCode")).isEqualTo("NORMAL");
        assertThat(timer(sla, "SIGN", d1, "deadline")).isEqualTo(utc("2026-03-10T10:00"));
        assertThat(sla.getString("timers.find { it.stage == 'CLOSE' }.deadline")).isEqualTo(utc("2026-03-13T09:00"));
        String closeId = sla.getString("timers.find { it.stage == 'CLOSE' }.timerId");

        events.dispatch(EventTypes.DISPATCH_SIGNED, ticket, d1, "U-A", "NORMAL", "HELP", at("2026-03-10T09:20"));
        await().atMost(BOUND).until(() -> "MET".equals(timer(get(ticket), "SIGN", d1, "state")));
        assertThat(timer(get(ticket), "SIGN", d1, "onTime")).isEqualTo("true");

        events.publish(EventTypes.DISPATCH_REASSIGNED, ticket, SlaTestEvents.dispatch(ticket, d2, "U-B", "NORMAL", "HELP",
                at("2026-03-10T10:00"), d1, null, null));
        events.dispatch(EventTypes.DISPATCH_ASSIGNED, ticket, d2, "U-B", "NORMAL", "HELP", at("2026-03-10T10:00"));
        sla = awaitTimers(ticket, 3);
        assertThat(timer(sla, "SIGN", d2, "deadline")).isEqualTo(utc("2026-03-10T11:00"));
        assertThat(sla.getString("timers.find { it.stage == 'CLOSE' }.timerId")).as("the close timer keeps running").isEqualTo(closeId);
        assertThat(sla.getString("timers.find { it.stage == 'CLOSE' }.unitCode")).isEqualTo("U-B");
        assertThat(sla.getString("timers.find { it.stage == 'CLOSE' }.deadline")).isEqualTo(utc("2026-03-13T09:00"));

        events.publish(EventTypes.DISPATCH_EXTENSION_DECIDED, ticket, SlaTestEvents.dispatch(ticket, d2, "U-B", "NORMAL",
                "HELP", at("2026-03-10T10:05"), null, "P2D", true));
        await().atMost(BOUND).until(() -> utc("2026-03-17T09:00")
                .equals(get(ticket).getString("timers.find { it.stage == 'CLOSE' }.deadline")));
        assertThat(get(ticket).getString("timers.find { it.stage == 'CLOSE' }.extension")).isEqualTo("P2D");

        clock.set(at("2026-03-10T10:30"));
        given().auth().oauth2(TestJwt.token("supervisor")).when().post("/api/v1/tickets/{id}/sla/pause", ticket)
                .then().statusCode(200).body("timers.find { it.stage == 'CLOSE' }.state", equalTo("PAUSED"));
        given().auth().oauth2(TestJwt.token("supervisor")).when().post("/api/v1/tickets/{id}/sla/pause", ticket)
                .then().statusCode(409);
        clock.set(at("2026-03-10T11:30"));
        JsonPath resumed = given().auth().oauth2(TestJwt.token("dispatcher")).when()
                .post("/api/v1/tickets/{id}/sla/resume", ticket).then().statusCode(200).extract().jsonPath();
        assertThat(timer(resumed, "SIGN", d2, "deadline")).as("one working hour paused").isEqualTo(utc("2026-03-10T12:00"));
        assertThat(resumed.getString("timers.find { it.stage == 'CLOSE' }.deadline")).isEqualTo(utc("2026-03-17T10:00"));
        assertThat(resumed.getList("timers.find { it.stage == 'CLOSE' }.pausedSpans")).hasSize(1);
        given().auth().oauth2(TestJwt.token("handler")).when().post("/api/v1/tickets/{id}/sla/pause", ticket)
                .then().statusCode(403);
    }

    @Test
    void aStageMetAfterItsBreachIsRecordedLateAndAMergeCancelsTheRest() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        String dispatch = SlaTestEvents.id();
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.SLA)) {
            clock.set(at("2026-03-10T09:00"));
            events.dispatch(EventTypes.DISPATCH_ASSIGNED, ticket, dispatch, "U-C", "NORMAL", "COMPLAINT", at("2026-03-10T09:00"));
            JsonPath sla = awaitTimers(ticket, 2);
            assertThat(sla.getString("policyCode")).isEqualTo("COMPLAINT");
            assertThat(sla.getString("timers.find { it.stage == 'CLOSE' }.deadline"))
                    .as("15 working days").isEqualTo(utc("2026-03-31T09:00"));
            String signId = sla.getString("timers.find { it.stage == 'SIGN' }.timerId");

            clock.set(at("2026-03-10T10:01"));
            CloudEvent breached = probe.await(EventTypes.SLA_BREACHED, e -> e.id().equals("sla:" + signId + ":SIGN:100"), BOUND);
            assertThat(EventCodec.decode(breached, SlaEvent.class).thresholdPercent()).isEqualTo(100);
            assertThat(breached.subject()).isEqualTo(ticket);

            events.dispatch(EventTypes.DISPATCH_SIGNED, ticket, dispatch, "U-C", "NORMAL", "COMPLAINT", at("2026-03-10T10:20"));
            CloudEvent met = probe.await(EventTypes.SLA_STAGE_MET, e -> e.id().equals("sla:" + signId + ":SIGN:MET"), BOUND);
            SlaEvent payload = EventCodec.decode(met, SlaEvent.class);
            assertThat(payload.onTime()).isFalse();
            assertThat(payload.lateBy()).isEqualTo("PT20M");
            assertThat(payload.unitCode()).isEqualTo("U-C");
            assertThat(timer(get(ticket), "SIGN", dispatch, "breached")).isEqualTo("true");

            events.publish(EventTypes.TICKET_MERGED, ticket, new TicketMerged(TicketMerged.SCHEMA_VERSION, ticket, "HZ1",
                    SlaTestEvents.id(), "HZ2", "operator-1", Instant.now()));
            await().atMost(BOUND).until(() -> "CANCELLED".equals(get(ticket).getString("timers.find { it.stage == 'CLOSE' }.state")));
        }
    }

    @Test
    void changingACalendarRecomputesTheDeadlinesOfRunningTimers() {
        String calendar = "cal-" + SlaTestEvents.id().substring(0, 8);
        String category = "99" + (int) (Math.random() * 1_000_000);
        given().auth().oauth2(TestJwt.token("admin")).contentType("text/calendar; charset=UTF-8")
                .body(ics("20260101", "20260102", "元旦(休)")).when().post("/api/v1/calendars/{name}/ics", calendar)
                .then().statusCode(200);
        String policy = "{\"name\":\"日历测试\",\"priority\":50,\"match\":{\"categoryPrefixes\":[\"" + category + "\"]},"
                + "\"calendar\":\"" + calendar + "\",\"stages\":[{\"stage\":\"CLOSE\",\"startEvent\":\"dispatch.assigned\","
                + "\"stopEvent\":\"dispatch.completed\",\"duration\":\"P1D\",\"mode\":\"WORKING\"}]}";
        given().auth().oauth2(TestJwt.token("admin")).contentType("application/json").body(policy)
                .when().put("/api/v1/policies/CAL_" + calendar.substring(4).toUpperCase()).then().statusCode(200);
        String ticket = SlaTestEvents.id();
        clock.set(at("2026-03-10T09:00"));
        new SlaTestEvents(bootstrap).publish(EventTypes.DISPATCH_ASSIGNED, ticket, SlaTestEvents.dispatch(ticket,
                SlaTestEvents.id(), "U-D", "NORMAL", "HELP", category, at("2026-03-10T09:00"), null, null, null));
        JsonPath sla = awaitTimers(ticket, 1);
        assertThat(sla.getString("timers[0].deadline")).isEqualTo(utc("2026-03-11T09:00"));

        // A corrected notice makes 2026-03-11 a day off: the running timer's deadline moves to the 12th.
        given().auth().oauth2(TestJwt.token("admin")).contentType("text/calendar; charset=UTF-8")
                .body(ics("20260311", "20260312", "测试(休)")).when().post("/api/v1/calendars/{name}/ics", calendar)
                .then().statusCode(200).body("timersRecomputed", equalTo(1));
        assertThat(get(ticket).getString("timers[0].deadline")).isEqualTo(utc("2026-03-12T09:00"));
    }

    private static String ics(String start, String end, String summary) {
        return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//CN\nBEGIN:VEVENT\nUID:" + start + "\nDTSTAMP:20260101T000000Z\n"
                + "DTSTART;VALUE=DATE:" + start + "\nDTEND;VALUE=DATE:" + end + "\nSUMMARY:" + summary
                + "\nEND:VEVENT\nEND:VCALENDAR\n";
    }

    @Test
    void urgentStagesStopOnArrivedHandledCompletedAndAClosedTicketCancelsWhatIsLeft() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        String dispatch = SlaTestEvents.id();
        clock.set(at("2026-03-14T23:00"));
        events.dispatch(EventTypes.DISPATCH_ASSIGNED, ticket, dispatch, "U-E", "URGENT", "HELP", at("2026-03-14T23:00"));
        JsonPath sla = awaitTimers(ticket, 4);
        assertThat(sla.getString("policyCode")).isEqualTo("URGENT");
        assertThat(timer(sla, "ARRIVE", dispatch, "deadline")).as("clock time on a Saturday night").isEqualTo(utc("2026-03-14T23:30"));
        assertThat(sla.getString("timers.find { it.stage == 'CLOSE' }.deadline")).isEqualTo(utc("2026-03-15T23:00"));

        // Arriving without a sign event: the arrival implies the sign, both are met.
        events.dispatch(EventTypes.DISPATCH_ARRIVED, ticket, dispatch, "U-E", "URGENT", "HELP", at("2026-03-14T23:20"));
        await().atMost(BOUND).until(() -> "MET".equals(timer(get(ticket), "ARRIVE", dispatch, "state")));
        assertThat(timer(get(ticket), "SIGN", dispatch, "state")).isEqualTo("MET");
        assertThat(timer(get(ticket), "SIGN", dispatch, "onTime")).isEqualTo("false");
        assertThat(timer(get(ticket), "ARRIVE", dispatch, "onTime")).isEqualTo("true");
        events.dispatch(EventTypes.DISPATCH_HANDLED, ticket, dispatch, "U-E", "URGENT", "HELP", at("2026-03-14T23:50"));
        await().atMost(BOUND).until(() -> "MET".equals(timer(get(ticket), "HANDLE", dispatch, "state")));
        assertThat(get(ticket).getString("timers.find { it.stage == 'CLOSE' }.state")).isEqualTo("RUNNING");

        events.closed(ticket, "RESOLVED", "SATISFIED", 0, at("2026-03-15T10:00"));
        await().atMost(BOUND).until(() -> "CANCELLED".equals(get(ticket).getString("timers.find { it.stage == 'CLOSE' }.state")));
    }

    @Test
    void unknownTicketsAreNotFound() {
        given().auth().oauth2(TestJwt.token("operator")).when().get("/api/v1/tickets/{id}/sla", SlaTestEvents.id())
                .then().statusCode(404);
        given().auth().oauth2(TestJwt.token("supervisor")).when().post("/api/v1/tickets/{id}/sla/resume", SlaTestEvents.id())
                .then().statusCode(404);
    }

    @Test
    void aDispatchArrivingAfterItsTicketWasMergedStartsNoTimer() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String ticket = SlaTestEvents.id();
        clock.set(at("2026-03-10T09:00"));
        events.publish(EventTypes.TICKET_MERGED, ticket, new TicketMerged(TicketMerged.SCHEMA_VERSION, ticket, "HZ1",
                SlaTestEvents.id(), "HZ2", "operator-1", Instant.now()));
        await().atMost(BOUND).until(() -> count("select count(*) from ended_ticket where ticket_id = $1", ticket) == 1);

        // ticket.* and dispatch.* are different topics: the assignment can come after the merge.
        String assignedId = SlaTestEvents.id();
        EventProbe.publish(bootstrap, new CloudEvent(assignedId, "/hotline/test",
                EventTypes.DISPATCH_ASSIGNED, ticket, Instant.now(), EventCodec.encode(SlaTestEvents.dispatch(ticket,
                        SlaTestEvents.id(), "U-M", "URGENT", "COMPLAINT", at("2026-03-10T09:00"), null, null, null))));
        await().atMost(BOUND).until(() -> count("select count(*) from processed_event where event_id = $1", assignedId) == 1);

        assertThat(count("select count(*) from sla_timer where ticket_id = $1", ticket)).isZero();
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(io.vertx.mutiny.sqlclient.Tuple.of(parameter))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private JsonPath awaitTimers(String ticket, int count) {
        return await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> get(ticket),
                sla -> sla != null && sla.getList("timers").size() == count);
    }

    private static JsonPath get(String ticket) {
        var response = given().auth().oauth2(TestJwt.token("operator")).when().get("/api/v1/tickets/{id}/sla", ticket);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    private static String timer(JsonPath sla, String stage, String dispatch, String field) {
        return sla.getString("timers.find { it.stage == '" + stage + "' && it.dispatchId == '" + dispatch + "' }." + field);
    }

    static Instant at(String local) {
        return OffsetDateTime.parse(local + ":00+08:00").toInstant();
    }

    static String utc(String local) {
        return at(local).toString();
    }
}
