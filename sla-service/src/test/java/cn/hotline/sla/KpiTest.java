package cn.hotline.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** KPIs from a fixed set of consumed events (March 2025) equal the values computed by hand in the comments. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class KpiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void kpisPerUnitEqualHandComputedValues() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String unitA = "KA-" + SlaTestEvents.id().substring(0, 6);
        String unitB = "KB-" + SlaTestEvents.id().substring(0, 6);
        // Unit A, normal help requests (sign 1 working hour, close 3 working days):
        // t1 signed 09:30 (on time), completed next day (on time), resolved + satisfied.
        ticket(events, unitA, "NORMAL", "2025-03-04T09:00", "2025-03-04T09:30", null, "2025-03-05T10:00", false);
        events.closed(last, "RESOLVED", "SATISFIED", 0, at("2025-03-06T10:00"));
        // t2 signed 11:30 (late), completed 03-12 (late, deadline 03-07 10:00), unresolved, unsatisfied, reopened once.
        ticket(events, unitA, "NORMAL", "2025-03-04T10:00", "2025-03-04T11:30", null, "2025-03-12T10:00", false);
        events.closed(last, "UNRESOLVED", "UNSATISFIED", 1, at("2025-03-13T10:00"));
        // t3 returned, never signed nor completed: its deadline (03-10 09:00) passed → due, overdue.
        ticket(events, unitA, "NORMAL", "2025-03-05T09:00", null, null, null, true);
        // Unit B, urgent: t4 all on time; t5 signed, arrived and completed late.
        ticket(events, unitB, "URGENT", "2025-03-04T09:00", "2025-03-04T09:00:30", "2025-03-04T09:20", "2025-03-04T15:00", false);
        events.closed(last, "RESOLVED", cn.hotline.events.Satisfaction.BASICALLY_SATISFIED.name(), 0, at("2025-03-05T10:00"));
        ticket(events, unitB, "URGENT", "2025-03-04T10:00", "2025-03-04T10:02", "2025-03-04T10:45", "2025-03-05T12:00", false);
        events.closed(last, "RESOLVED", "SATISFIED", 0, at("2025-03-06T10:00"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            JsonPath kpis = given().auth().oauth2(TestJwt.token("supervisor"))
                    .queryParam("groupBy", "unit").queryParam("from", "2025-03-01").queryParam("to", "2025-04-01")
                    .when().get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
            String a = "groups.find { it.key == '" + unitA + "' }.";
            String b = "groups.find { it.key == '" + unitB + "' }.";
            assertThat(kpis.getInt(a + "dispatches")).isEqualTo(3);
            assertThat(kpis.getInt(a + "tickets")).isEqualTo(3);
            assertThat(kpis.getDouble(a + "onTimeSignRate")).isEqualTo(0.3333);
            assertThat(kpis.getString(a + "onTimeArrivalRate")).isNull();
            assertThat(kpis.getDouble(a + "onTimeCloseRate")).isEqualTo(0.3333);
            assertThat(kpis.getDouble(a + "threeDayCloseRate")).isEqualTo(0.3333);
            assertThat(kpis.getDouble(a + "responseRate")).isEqualTo(0.3333);
            assertThat(kpis.getDouble(a + "resolutionRate")).isEqualTo(0.5);
            assertThat(kpis.getDouble(a + "satisfactionRate")).isEqualTo(0.5);
            assertThat(kpis.getDouble(a + "returnRate")).isEqualTo(0.3333);
            assertThat(kpis.getDouble(a + "firstTimeResolutionRate")).isEqualTo(0.5);
            assertThat(kpis.getInt(a + "overdueCount")).isEqualTo(2);
            // (25 h + 192 h) / 2
            assertThat(kpis.getString(a + "averageHandlingTime")).isEqualTo("PT108H30M");

            assertThat(kpis.getInt(b + "dispatches")).isEqualTo(2);
            assertThat(kpis.getDouble(b + "onTimeSignRate")).isEqualTo(0.5);
            assertThat(kpis.getDouble(b + "onTimeArrivalRate")).isEqualTo(0.5);
            assertThat(kpis.getDouble(b + "onTimeCloseRate")).isEqualTo(0.5);
            assertThat(kpis.getString(b + "threeDayCloseRate")).isNull();
            assertThat(kpis.getDouble(b + "responseRate")).isEqualTo(0.5);
            assertThat(kpis.getDouble(b + "resolutionRate")).isEqualTo(1.0);
            assertThat(kpis.getDouble(b + "satisfactionRate")).isEqualTo(1.0);
            assertThat(kpis.getDouble(b + "returnRate")).isEqualTo(0.0);
            assertThat(kpis.getDouble(b + "firstTimeResolutionRate")).isEqualTo(1.0);
            assertThat(kpis.getInt(b + "overdueCount")).isEqualTo(1);
            // (6 h + 26 h) / 2
            assertThat(kpis.getString(b + "averageHandlingTime")).isEqualTo("PT16H");
        });
    }

    @Test
    void kpisSplitByDayWeekAndMonth() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String unit = "KP-" + SlaTestEvents.id().substring(0, 6);
        ticket(events, unit, "NORMAL", "2025-05-05T09:00", "2025-05-05T09:20", null, null, false);
        ticket(events, unit, "NORMAL", "2025-05-05T15:00", "2025-05-05T17:30", null, null, false);
        ticket(events, unit, "NORMAL", "2025-05-07T09:00", "2025-05-07T09:10", null, null, false);
        ticket(events, unit, "NORMAL", "2025-06-02T09:00", null, null, null, false);
        String path = "groups.findAll { it.key == '" + unit + "' }";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            JsonPath days = kpis("day");
            assertThat(days.getString("period")).isEqualTo("day");
            assertThat(days.getList(path + ".period")).containsExactly("2025-05-05", "2025-05-07", "2025-06-02");
            assertThat(days.getList(path + ".dispatches")).containsExactly(2, 1, 1);
            assertThat(days.getList(path + ".onTimeSignRate")).containsExactly(0.5f, 1.0f, 0.0f);
            JsonPath weeks = kpis("week");
            assertThat(weeks.getList(path + ".period")).containsExactly("2025-05-05", "2025-06-02");
            assertThat(weeks.getList(path + ".dispatches")).containsExactly(3, 1);
            JsonPath months = kpis("month");
            assertThat(months.getList(path + ".period")).containsExactly("2025-05-01", "2025-06-01");
            assertThat(months.getList(path + ".dispatches")).containsExactly(3, 1);
        });
        given().auth().oauth2(TestJwt.token("supervisor")).queryParam("period", "fortnight")
                .when().get("/api/v1/kpis").then().statusCode(400).body("errors[0].field", equalTo("period"));
    }

    private static JsonPath kpis(String period) {
        return given().auth().oauth2(TestJwt.token("supervisor")).queryParam("groupBy", "unit")
                .queryParam("period", period).queryParam("from", "2025-05-01").queryParam("to", "2025-07-01")
                .when().get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDeskKeptToATerritorySeesOnlyItsOwnKpis() {
        SlaTestEvents events = new SlaTestEvents(bootstrap);
        String unit = "KT-" + SlaTestEvents.id().substring(0, 6);
        ticket(events, unit, "NORMAL", "2025-08-04T09:00", "2025-08-04T09:20", null, null, false);
        String path = "groups.findAll { it.key == '" + unit + "' }.dispatches";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            assertThat(kpisAs(TestJwt.inTerritory("supervisor", SlaTestEvents.COUNTY)).getList(path)).containsExactly(1);
            assertThat(kpisAs(TestJwt.inTerritory("dispatcher", SlaTestEvents.TOWN)).getList(path)).containsExactly(1);
        });
        assertThat(kpisAs(TestJwt.inTerritory("supervisor", "330502")).getList("groups")).isEmpty();
        assertThat(kpisAs(TestJwt.inTerritory("dispatcher", "330523001")).getList("groups")).isEmpty();
    }

    private static JsonPath kpisAs(String token) {
        return given().auth().oauth2(token).queryParam("groupBy", "unit").queryParam("from", "2025-08-01")
                .queryParam("to", "2025-09-01").when().get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void groupByMustBeKnown() {
        given().auth().oauth2(TestJwt.token("supervisor")).queryParam("groupBy", "galaxy")
                .when().get("/api/v1/kpis").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(TestJwt.token("handler")).when().get("/api/v1/kpis").then().statusCode(403);
        given().auth().oauth2(TestJwt.token("supervisor")).queryParam("groupBy", "county")
                .queryParam("from", "2020-01-01").queryParam("to", "2020-02-01")
                .when().get("/api/v1/kpis").then().statusCode(200).body("groups.size()", equalTo(0))
                .body("groupBy", equalTo("county")).body("from", equalTo("2019-12-31T16:00:00Z"));
    }

    private String last;

    private void ticket(SlaTestEvents events, String unit, String urgency, String assigned, String signed, String arrived,
            String completed, boolean returned) {
        String ticketId = SlaTestEvents.id();
        String dispatchId = SlaTestEvents.id();
        last = ticketId;
        events.dispatch(EventTypes.DISPATCH_ASSIGNED, ticketId, dispatchId, unit, urgency, "HELP", at(assigned));
        if (returned) {
            events.dispatch(EventTypes.DISPATCH_RETURNED, ticketId, dispatchId, unit, urgency, "HELP", at(assigned).plusSeconds(600));
        }
        if (signed != null) {
            events.dispatch(EventTypes.DISPATCH_SIGNED, ticketId, dispatchId, unit, urgency, "HELP", at(signed));
        }
        if (arrived != null) {
            events.dispatch(EventTypes.DISPATCH_ARRIVED, ticketId, dispatchId, unit, urgency, "HELP", at(arrived));
        }
        if (completed != null) {
            events.dispatch(EventTypes.DISPATCH_COMPLETED, ticketId, dispatchId, unit, urgency, "HELP", at(completed));
        }
    }

    static Instant at(String local) {
        return OffsetDateTime.parse(local + (local.length() == 16 ? ":00" : "") + "+08:00").toInstant();
    }
}
