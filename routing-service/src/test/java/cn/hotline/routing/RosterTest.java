package cn.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Dated rosters through the admin API: holiday shifts add duty (and replace that person's weekly duty that
 * date), exceptions remove it, swaps move it and are recorded; the directory's on-duty answers follow.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class RosterTest {

    static final String UNIT = "330503103-ROSTER";
    static final String DAY = UNIT + "-P1";
    static final String SPARE = UNIT + "-P2";
    static final String NIGHT = UNIT + "-P3";

    /** A unit of its own (no other test touches it): P1 weekdays 08:30–17:30, P3 every night, P2 no weekly duty. */
    static synchronized void ensureUnit() {
        if (given().auth().oauth2(admin()).when().get("/api/v1/units/" + UNIT).statusCode() == 200) {
            return;
        }
        Map<String, Object> unit = Map.of("unitCode", UNIT, "unitName", "善琏镇值班测试所", "kind", "ROSTER_TEST",
                "territoryCode", "330503103", "leaderId", UNIT + "-P0",
                "people", List.of(person("P0", "钱立新", "16612300000", "leader"), person("P1", "孙晓燕", "16612300001", "handler"),
                        person("P2", "周海峰", "16612300002", "handler"), person("P3", "吴振华", "16612300003", "handler")),
                "roster", List.of(Map.of("personId", DAY, "days", "MON-FRI", "from", "08:30", "to", "17:30"),
                        Map.of("personId", NIGHT, "days", "MON-SUN", "from", "17:30", "to", "08:30")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(List.of(unit))
                .when().post("/api/v1/units/import").then().statusCode(200);
    }

    private static Map<String, String> person(String suffix, String name, String phone, String role) {
        return Map.of("personId", UNIT + "-" + suffix, "name", name, "phone", phone, "role", role);
    }

    static String admin() {
        return TestJwt.token("admin");
    }

    static List<String> onDuty(String at) {
        return given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("at", at)
                .when().get("/api/v1/directory/units/" + UNIT + "/on-duty").then().statusCode(200)
                .extract().jsonPath().getList("personId");
    }

    static JsonPath importRoster(Map<String, ?> body, int status) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/rosters/import").then().statusCode(status).extract().jsonPath();
    }

    static JsonPath roster(String from, String to) {
        return given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/units/" + UNIT + "/roster").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aHolidayShiftAddsDutyIncludingAcrossMidnight() {
        ensureUnit();
        assertThat(onDuty("2026-10-03T10:00:00+08:00")).as("Saturday: nobody by day").isEmpty();
        importRoster(Map.of("roster", "国庆值班表", "shifts", List.of(
                Map.of("unitCode", UNIT, "personId", SPARE, "from", "2026-10-01", "to", "2026-10-07", "starts", "08:00",
                        "ends", "20:00"),
                Map.of("unitCode", UNIT, "personId", SPARE, "from", "2026-10-10", "starts", "22:00", "ends", "06:00"))),
                200);

        assertThat(onDuty("2026-10-03T10:00:00+08:00")).containsExactly(SPARE);
        assertThat(onDuty("2026-10-03T20:30:00+08:00")).containsExactly(NIGHT);
        assertThat(onDuty("2026-10-08T10:00:00+08:00")).containsExactly(DAY);
        assertThat(onDuty("2026-10-11T03:00:00+08:00")).as("the 10th's shift runs past midnight")
                .containsExactlyInAnyOrder(NIGHT, SPARE);
        assertThat(onDuty("2026-10-11T07:00:00+08:00")).containsExactly(NIGHT);

        JsonPath day = roster("2026-10-03", "2026-10-03");
        assertThat(day.getString("days[0].date")).isEqualTo("2026-10-03");
        assertThat(day.getList("days[0].duty.personId")).containsExactly(NIGHT, SPARE);
        assertThat(day.getString("days[0].duty[1].source")).isEqualTo("SHIFT");
        assertThat(day.getString("days[0].duty[1].roster")).isEqualTo("国庆值班表");
        assertThat(day.getString("days[0].duty[1].starts")).isEqualTo("2026-10-03T08:00:00+08:00");
        assertThat(day.getString("days[0].duty[1].ends")).isEqualTo("2026-10-03T20:00:00+08:00");
        assertThat(day.getString("days[0].duty[0].source")).isEqualTo("WEEKLY");
    }

    @Test
    void aDatedShiftReplacesThatPersonsWeeklyDutyOfThatDateOnly() {
        ensureUnit();
        importRoster(Map.of("shifts", List.of(Map.of("unitCode", UNIT, "personId", DAY, "from", "2026-10-12",
                "starts", "13:00", "ends", "21:00"))), 200);
        assertThat(onDuty("2026-10-12T10:00:00+08:00")).as("Monday: the weekly 08:30 start is replaced").isEmpty();
        assertThat(onDuty("2026-10-12T20:00:00+08:00")).containsExactlyInAnyOrder(DAY, NIGHT);
        assertThat(onDuty("2026-10-13T10:00:00+08:00")).containsExactly(DAY);
    }

    @Test
    void aHolidayExceptionRemovesWeeklyDuty() {
        ensureUnit();
        assertThat(onDuty("2026-10-01T10:00:00+08:00")).contains(DAY);
        assertThat(onDuty("2026-10-04T23:00:00+08:00")).contains(NIGHT);
        importRoster(Map.of("exceptions", List.of(
                Map.of("unitCode", UNIT, "personId", DAY, "from", "2026-10-01", "to", "2026-10-07", "reason", "国庆休假"),
                Map.of("unitCode", UNIT, "personId", NIGHT, "from", "2026-10-04", "reason", "调休"))), 200);

        assertThat(onDuty("2026-10-01T10:00:00+08:00")).doesNotContain(DAY);
        assertThat(onDuty("2026-10-04T23:00:00+08:00")).doesNotContain(NIGHT);
        assertThat(onDuty("2026-10-05T03:00:00+08:00")).as("the night begun on the 4th is off too").doesNotContain(NIGHT);
        assertThat(onDuty("2026-10-05T23:00:00+08:00")).contains(NIGHT);
        assertThat(onDuty("2026-10-08T10:00:00+08:00")).contains(DAY);
        JsonPath day = roster("2026-10-04", "2026-10-05");
        assertThat(day.getList("days[0].off.personId")).contains(NIGHT);
        assertThat(day.getList("days[0].off.note")).contains("调休");
        assertThat(day.getList("days[0].duty.personId")).doesNotContain(NIGHT);
        assertThat(day.getList("days[1].duty.personId")).contains(NIGHT);
    }

    @Test
    void aSwapMovesDutyAndIsRecorded() {
        ensureUnit();
        assertThat(onDuty("2026-10-16T10:00:00+08:00")).containsExactly(DAY);
        JsonPath swap = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-10-16", "fromPersonId", DAY, "toPersonId", SPARE, "reason", "家中有事",
                        "requestedBy", DAY))
                .when().post("/api/v1/units/" + UNIT + "/roster/swaps").then().statusCode(201).extract().jsonPath();
        assertThat(swap.getString("moved")).isEqualTo("08:30–17:30");
        assertThat(swap.getString("recordedBy")).isEqualTo("test-admin");
        assertThat(swap.getString("recordedAt")).isEqualTo("2026-11-23T02:00:00Z");

        assertThat(onDuty("2026-10-16T10:00:00+08:00")).containsExactly(SPARE);
        assertThat(onDuty("2026-10-19T10:00:00+08:00")).as("only that date").containsExactly(DAY);
        JsonPath day = roster("2026-10-16", "2026-10-16");
        assertThat(day.getList("days[0].duty.personId")).containsExactly(NIGHT, SPARE);
        assertThat(day.getString("days[0].duty[1].swapId")).isEqualTo(swap.getString("id"));
        assertThat(day.getList("days[0].off.personId")).containsExactly(DAY);
        assertThat(day.getList("swaps.id")).containsExactly(swap.getString("id"));
        List<Map<String, Object>> history = given().auth().oauth2(TestJwt.token("supervisor"))
                .when().get("/api/v1/units/" + UNIT + "/roster/swaps").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(history).anySatisfy(s -> {
            assertThat(s.get("fromPersonId")).isEqualTo(DAY);
            assertThat(s.get("toPersonId")).isEqualTo(SPARE);
            assertThat(s.get("reason")).isEqualTo("家中有事");
            assertThat(s.get("requestedBy")).isEqualTo(DAY);
            assertThat(s.get("date")).isEqualTo("2026-10-16");
        });

        // Re-sent: the same swap, nothing new; the giver has no duty left that date to give.
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-10-16", "fromPersonId", DAY, "toPersonId", SPARE, "reason", "家中有事"))
                .when().post("/api/v1/units/" + UNIT + "/roster/swaps").then().statusCode(200)
                .body("id", equalTo(swap.getString("id")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-10-16", "fromPersonId", DAY, "toPersonId", NIGHT, "reason", "再换"))
                .when().post("/api/v1/units/" + UNIT + "/roster/swaps").then().statusCode(400)
                .body("errors[0].field", equalTo("fromPersonId"));
    }

    @Test
    void aSwappedHolidayShiftLeavesTheTakersOwnDutyInPlace() {
        ensureUnit();
        Map<String, Object> body = Map.of("roster", "国庆值班表", "shifts", List.of(Map.of("unitCode", UNIT,
                        "personId", SPARE, "from", "2026-10-20", "starts", "08:00", "ends", "20:00")),
                "swaps", List.of(Map.of("unitCode", UNIT, "date", "2026-10-20", "fromPersonId", SPARE,
                        "toPersonId", NIGHT, "reason", "临时培训")));
        assertThat(importRoster(body, 200).getInt("swaps")).isEqualTo(1);
        JsonPath again = importRoster(body, 200);
        assertThat(again.getInt("swaps")).as("re-sent: the swap stands").isZero();
        assertThat(again.getInt("unchangedSwaps")).isEqualTo(1);
        assertThat(onDuty("2026-10-20T12:00:00+08:00")).containsExactlyInAnyOrder(DAY, NIGHT);
        assertThat(onDuty("2026-10-20T23:00:00+08:00")).as("the taker's own night stays").containsExactly(NIGHT);
        JsonPath day = roster("2026-10-20", "2026-10-20");
        assertThat(day.getList("days[0].off.personId")).containsExactly(SPARE);
        assertThat(day.getList("swaps.moved")).containsExactly("08:00–20:00");
    }

    @Test
    void badImportsAreRefusedNamingTheFieldAndStoreNothing() {
        ensureUnit();
        JsonPath problem = importRoster(Map.of(
                "shifts", List.of(Map.of("unitCode", UNIT, "personId", "nobody", "from", "2026-10-25", "starts", "8点",
                                "ends", "20:00"),
                        Map.of("unitCode", UNIT, "personId", SPARE, "from", "2026-10-25", "to", "2026-10-24",
                                "starts", "08:00", "ends", "20:00")),
                "exceptions", List.of(Map.of("unitCode", "nowhere", "personId", DAY, "from", "2026-10-26")),
                "swaps", List.of(Map.of("unitCode", UNIT, "date", "2026-10-26", "fromPersonId", DAY,
                        "toPersonId", DAY, "reason", "x"))), 400);
        assertThat(problem.getList("errors.field")).contains("shifts[0].personId", "shifts[0].starts", "shifts[1].to",
                "exceptions[0].unitCode", "exceptions[0].reason", "swaps[0].toPersonId");
        assertThat(importRoster(Map.of("shifts", List.of(Map.of("unitCode", UNIT, "personId", SPARE,
                        "from", "2026-10-25", "starts", "08:00", "ends", "20:00")),
                "swaps", List.of(Map.of("unitCode", UNIT, "date", "2026-10-25", "fromPersonId", DAY,
                        "toPersonId", SPARE, "reason", "周日无班"))), 400).getList("errors.field"))
                .containsExactly("swaps[0].fromPersonId");
        assertThat(onDuty("2026-10-25T10:00:00+08:00")).as("nothing stored").isEmpty();
        importRoster(Map.of(), 400);

        given().auth().oauth2(admin()).contentType("text/csv")
                .body("type,unitCode,personId,from,to,starts,ends,reason\nSHIFT," + UNIT + "," + SPARE
                        + ",2026-10-25,,08:00,20:00,\nSHIFT," + UNIT + "," + SPARE + ",2026-10-25,,25:00,20:00,\n")
                .when().post("/api/v1/rosters/import").then().statusCode(400)
                .body("errors.field", hasItems("line 3.starts"));
        given().auth().oauth2(TestJwt.token("dispatcher")).contentType(ContentType.JSON).body(Map.of("shifts", List.of()))
                .when().post("/api/v1/rosters/import").then().statusCode(403);
        given().auth().oauth2(TestJwt.token("dispatcher")).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-10-16", "fromPersonId", DAY, "toPersonId", SPARE, "reason", "x"))
                .when().post("/api/v1/units/" + UNIT + "/roster/swaps").then().statusCode(403);
        given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("to", "2026-10-01")
                .when().get("/api/v1/units/" + UNIT + "/roster").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("from", "2026-10-02").queryParam("to", "2026-10-01")
                .when().get("/api/v1/units/" + UNIT + "/roster").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .when().get("/api/v1/units/" + UNIT + "/roster").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("from", "2026-10-01").queryParam("to", "2026-10-01")
                .when().get("/api/v1/units/nowhere/roster").then().statusCode(404);
    }

    @Test
    void aCsvImportTakesShiftsExceptionsAndSwaps() {
        ensureUnit();
        String csv = "type,unitCode,personId,from,to,starts,ends,toPersonId,reason,roster\n"
                + "SHIFT," + UNIT + "," + SPARE + ",2026-10-31,,09:00,18:00,,,周末值班表\n"
                + "OFF," + UNIT + "," + NIGHT + ",2026-10-31,,,,,病假,\n"
                + "SWAP," + UNIT + "," + SPARE + ",2026-10-31,,,," + DAY + ",换休,\n";
        given().auth().oauth2(admin()).contentType("text/csv").body(csv).when().post("/api/v1/rosters/import")
                .then().statusCode(200).body("shifts", equalTo(1)).body("exceptions", equalTo(1)).body("swaps", equalTo(1));
        assertThat(onDuty("2026-10-31T12:00:00+08:00")).containsExactly(DAY);
        assertThat(onDuty("2026-10-31T20:00:00+08:00")).isEmpty();
    }
}
