package cn.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

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

/** The directory API of CONTRACTS.md: units, on-duty people at an instant, commanders, people, supervisors. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class DirectoryTest {

    static final String MONDAY_10 = "2026-11-23T10:00:00+08:00";
    static final String MONDAY_22 = "2026-11-23T22:00:00+08:00";
    static final String SUNDAY_03 = "2026-11-22T03:00:00+08:00";
    static final String SATURDAY_10 = "2026-11-21T10:00:00+08:00";

    static JsonPath get(String path, Map<String, ?> query) {
        return given().auth().oauth2(TestJwt.token("dispatcher")).queryParams(query).when().get("/api/v1/directory" + path)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void unitWithItsLeader() {
        given().auth().oauth2(TestJwt.token("supervisor")).when().get("/api/v1/directory/units/330523-ENFORCEMENT")
                .then().statusCode(200)
                .body("unitCode", equalTo("330523-ENFORCEMENT"))
                .body("unitName", equalTo("安吉县综合行政执法局"))
                .body("level", equalTo("county"))
                .body("territoryCode", equalTo("330523"))
                .body("leader.personId", equalTo("330523-ENFORCEMENT-P1"))
                .body("leader.phone", matchesPattern("1[3-9]\\d{9}"));
        given().auth().oauth2(TestJwt.token("admin")).when().get("/api/v1/directory/units/330523002-GOV")
                .then().statusCode(200).body("unitName", equalTo("昌硕街道办事处")).body("level", equalTo("town"));
        given().auth().oauth2(TestJwt.token("admin")).when().get("/api/v1/directory/units/330523108204-VC")
                .then().statusCode(200).body("unitName", equalTo("天荒坪镇余村村委会")).body("level", equalTo("village"));
        given().auth().oauth2(TestJwt.token("admin")).when().get("/api/v1/directory/units/nope").then().statusCode(404);
    }

    @Test
    void onDutyFollowsTheRosterAtTheInstantAcrossMidnight() {
        String unit = "/units/330523-ENFORCEMENT/on-duty";
        assertThat(get(unit, Map.of("at", MONDAY_10)).getList("personId")).containsExactly("330523-ENFORCEMENT-P2");
        assertThat(get(unit, Map.of("at", MONDAY_22)).getList("personId")).containsExactly("330523-ENFORCEMENT-P3");
        assertThat(get(unit, Map.of("at", SUNDAY_03)).getList("personId")).containsExactly("330523-ENFORCEMENT-P3");
        JsonPath person = get(unit, Map.of("at", "2026-11-23T02:00:00Z"));
        assertThat(person.getString("[0].role")).isEqualTo("handler");
        assertThat(person.getString("[0].unitCode")).isEqualTo("330523-ENFORCEMENT");
        assertThat(person.getString("[0].phone")).matches("1[3-9]\\d{9}");
        assertThat(person.getString("[0].name")).isNotBlank();
        assertThat(get("/units/330523-EDU/on-duty", Map.of("at", SATURDAY_10)).getList("$")).isEmpty();
        assertThat(get("/units/330523108204-VC/on-duty", Map.of("at", SATURDAY_10)).getList("personId"))
                .as("no roster: the default contact").containsExactly("330523108204-VC-P1");
        given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("at", "yesterday")
                .when().get("/api/v1/directory/units/330523-EDU/on-duty")
                .then().statusCode(400).body("errors[0].field", equalTo("at"));
    }

    @Test
    void commandersOnDutyOfTheCountyFallingBackToTheCity() {
        assertThat(get("/commanders/on-duty", Map.of("territoryCode", "330523108", "at", MONDAY_10)).getList("personId"))
                .containsExactly("330523-COMMAND-P2");
        assertThat(get("/commanders/on-duty", Map.of("territoryCode", "330523", "at", MONDAY_22)).getList("personId"))
                .containsExactly("330523-COMMAND-P3");
        assertThat(get("/commanders/on-duty", Map.of("territoryCode", "3305", "at", MONDAY_10)).getList("personId"))
                .containsExactly("3305-COMMAND-P2");

        // 长兴县's centre staffed only in office hours: at the weekend the city's commander answers.
        Map<String, Object> centre = Map.of("unitCode", "330522-COMMAND", "unitName", "长兴县12345指挥中心",
                "kind", "COMMAND_CENTRE", "territoryCode", "330522", "leaderId", "330522-COMMAND-P1",
                "people", List.of(Map.of("personId", "330522-COMMAND-P2", "name", "周建国", "phone", "13957200001",
                        "role", "commander")),
                "roster", List.of(Map.of("personId", "330522-COMMAND-P2", "days", "MON-FRI", "from", "08:30",
                        "to", "17:30")));
        given().auth().oauth2(TestJwt.token("admin")).contentType(ContentType.JSON).body(List.of(centre))
                .when().post("/api/v1/units/import").then().statusCode(200);
        assertThat(get("/commanders/on-duty", Map.of("territoryCode", "330522", "at", MONDAY_10)).getList("personId"))
                .containsExactly("330522-COMMAND-P2");
        assertThat(get("/commanders/on-duty", Map.of("territoryCode", "330522", "at", SATURDAY_10)).getList("personId"))
                .containsExactly("3305-COMMAND-P2");
        assertThat(get("/commanders/on-duty", Map.of("at", MONDAY_22)).getList("personId"))
                .as("no territory: the city's commander").containsExactly("3305-COMMAND-P3");
        given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("territoryCode", "999999")
                .when().get("/api/v1/directory/commanders/on-duty")
                .then().statusCode(400).body("errors[0].field", equalTo("territoryCode"));
    }

    @Test
    void peopleByIdAndByPhone() {
        JsonPath leader = get("/people/330523108-GOV-P1", Map.of());
        assertThat(leader.getString("unitCode")).isEqualTo("330523108-GOV");
        assertThat(leader.getString("role")).isEqualTo("leader");
        String phone = leader.getString("phone");
        assertThat(get("/people/by-phone/" + phone, Map.of()).getString("personId")).isEqualTo("330523108-GOV-P1");
        given().auth().oauth2(TestJwt.token("dispatcher")).when().get("/api/v1/directory/people/by-phone/19900000000")
                .then().statusCode(404);
        given().auth().oauth2(TestJwt.token("dispatcher")).when().get("/api/v1/directory/people/nobody")
                .then().statusCode(404);
    }

    @Test
    void supervisorsOfTheCountyThenTheCity() {
        assertThat(get("/supervisors", Map.of("territoryCode", "330523002")).getList("personId"))
                .containsExactly("330523-COMMAND-P4", "3305-COMMAND-P4", "3305-COMMAND-P5");
    }

    @Test
    void onlyTheDeskRolesMayReadTheDirectory() {
        given().auth().oauth2(TestJwt.handler("h", "330523-EDU")).when().get("/api/v1/directory/units/330523-EDU")
                .then().statusCode(403);
        given().auth().oauth2(TestJwt.token("operator")).when().get("/api/v1/directory/people/330523108-GOV-P1")
                .then().statusCode(403);
        given().when().get("/api/v1/directory/units/330523-EDU").then().statusCode(401);
    }
}
