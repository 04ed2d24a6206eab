package cn.hotline.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The calendar API: the seeded 2026 default calendar answers domain.md's deadlines; import as admin; bad input 4xx. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class CalendarApiTest {

    @Test
    void theSeededCalendarAnswersTheDomainExamples() {
        deadline("2026-09-30T16:00:00+08:00", "P1D", "working").body("deadline", equalTo("2026-10-08T16:00:00+08:00"));
        deadline("2026-10-09T10:00:00+08:00", "P1D", "working").body("deadline", equalTo("2026-10-10T10:00:00+08:00"));
        deadline("2026-03-06T20:00:00+08:00", "P1D", "working").body("deadline", equalTo("2026-03-10T08:30:00+08:00"));
        deadline("2026-03-06T17:00:00+08:00", "PT1H", "working").body("deadline", equalTo("2026-03-09T09:00:00+08:00"));
        deadline("2026-03-10T11:45:00+08:00", "PT30M", "working").body("deadline", equalTo("2026-03-10T13:45:00+08:00"))
                .body("workingTime", equalTo("PT30M"));
        deadline("2026-09-30T16:00:00+08:00", "P15D", "clock").body("deadline", equalTo("2026-10-15T16:00:00+08:00"));
        deadline("2026-02-14T10:00:00+08:00", "P1D", "working").body("deadline", equalTo("2026-02-24T10:00:00+08:00"));
    }

    @Test
    void anAdminImportsAnotherYearIntoACalendarAndItsDeadlinesChange() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestJwt.token("admin")).contentType("text/calendar; charset=UTF-8").body(ICS_2027)
                .when().post("/api/v1/calendars/{name}/ics", name)
                .then().statusCode(200).body("years", hasItem(2027)).body("daysOff", equalTo(3)).body("makeUpDays", equalTo(1));
        given().auth().oauth2(TestJwt.token("dispatcher"))
                .queryParam("start", "2026-12-31T16:00:00+08:00").queryParam("duration", "P1D").queryParam("mode", "working")
                .when().get("/api/v1/calendars/{name}/deadline", name)
                .then().statusCode(200).body("deadline", equalTo("2027-01-04T16:00:00+08:00"));
        // The make-up Saturday 2027-01-09 counts as a working day.
        given().auth().oauth2(TestJwt.token("dispatcher"))
                .queryParam("start", "2027-01-08T10:00:00+08:00").queryParam("duration", "P1D")
                .when().get("/api/v1/calendars/{name}/deadline", name)
                .then().statusCode(200).body("deadline", equalTo("2027-01-09T10:00:00+08:00"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestJwt.token("admin")).contentType("text/calendar; charset=UTF-8").body("BEGIN:VCALENDAR\ngarbage")
                .when().post("/api/v1/calendars/{name}/ics", name)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(TestJwt.token("admin")).when().get("/api/v1/calendars/{name}", name).then().statusCode(404);
        given().auth().oauth2(TestJwt.token("supervisor")).contentType("text/calendar; charset=UTF-8").body(ICS_2027)
                .when().post("/api/v1/calendars/{name}/ics", name).then().statusCode(403);
        deadline("yesterday", "P1D", "working").statusCode(400).body("errors[0].field", equalTo("start"));
        deadline("2026-09-30T16:00:00+08:00", "3 days", "working").statusCode(400).body("errors[0].field", equalTo("duration"));
        deadline("2026-09-30T16:00:00+08:00", "P1D", "lunar").statusCode(400).body("errors[0].field", equalTo("mode"));
    }

    private static io.restassured.response.ValidatableResponse deadline(String start, String duration, String mode) {
        return given().auth().oauth2(TestJwt.token("operator"))
                .queryParam("start", start).queryParam("duration", duration).queryParam("mode", mode)
                .when().get("/api/v1/calendars/default/deadline").then();
    }

    static final String ICS_2027 = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//test//CN
            BEGIN:VEVENT
            UID:y2027-1
            DTSTAMP:20260305T110113
            DTSTART;VALUE=DATE:20270101
            DTEND;VALUE=DATE:20270104
            SUMMARY:元旦(休)
            END:VEVENT
            BEGIN:VEVENT
            UID:y2027-2
            DTSTAMP:20260305T110113
            DTSTART;VALUE=DATE:20270109
            DTEND;VALUE=DATE:20270110
            SUMMARY:元旦(班)
            END:VEVENT
            END:VCALENDAR
            """;
}
