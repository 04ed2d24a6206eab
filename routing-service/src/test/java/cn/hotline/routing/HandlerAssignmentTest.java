package cn.hotline.routing;

import cn.hotline.testsupport.TestClock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.routing.service.DispatchService;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Handler assignment among those on duty (default policy least-open): not always the first one. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class HandlerAssignmentTest {

    static final String TOWN = "330503103";
    /** Monday 2026-12-07 10:00 in Shanghai: the test unit's weekday person plus a dated shift are on duty. */
    static final Instant MONDAY_DEC_7 = Instant.parse("2026-12-07T02:00:00Z");

    @Inject
    DispatchService service;

    @Test
    void twoTicketsInARowGoToTwoDifferentPeopleOnDuty() {
        RosterTest.ensureUnit();
        RosterTest.importRoster(Map.of("shifts", List.of(Map.of("unitCode", RosterTest.UNIT, "personId",
                RosterTest.SPARE, "from", "2026-12-07", "starts", "08:00", "ends", "20:00"))), 200);
        Map<String, Object> rule = Map.of("ruleId", "R-ROSTER-1", "categoryCode", "0206", "territoryCode", TOWN,
                "lead", RosterTest.UNIT, "description", "值班测试", "effectiveFrom", "2026-01-01T00:00:00+08:00");
        given().auth().oauth2(TestJwt.token("admin")).contentType(ContentType.JSON).body(List.of(rule))
                .when().post("/api/v1/catalogue/rules/import").then().statusCode(200);
        TestClock.get().set(MONDAY_DEC_7);
        try {
            assertThat(RosterTest.onDuty("2026-12-07T10:00:00+08:00"))
                    .containsExactlyInAnyOrder(RosterTest.DAY, RosterTest.SPARE);
            JsonPath preview = DecisionPreviewTest.preview(Map.of("categoryCode", "0206", "kind", "COMPLAINT",
                    "territory", Map.of("townCode", TOWN)));
            assertThat(preview.getString("lead.unitCode")).isEqualTo(RosterTest.UNIT);
            assertThat(preview.getString("handlerId")).isEqualTo(RosterTest.DAY);

            JsonPath first = Dispatches.get(Dispatches.create(service, "0206", "COMPLAINT", TOWN, null));
            JsonPath second = Dispatches.get(Dispatches.create(service, "0206", "COMPLAINT", TOWN, null));
            assertThat(first.getString("lead.unitCode")).isEqualTo(RosterTest.UNIT);
            assertThat(List.of(first.getString("handlerId"), second.getString("handlerId")))
                    .containsExactlyInAnyOrder(RosterTest.DAY, RosterTest.SPARE);
            assertThat(second.getList("explanation", String.class))
                    .anySatisfy(line -> assertThat(line).contains("least open work among 2 on duty"));

            // One open each: the tie goes to whoever was given work longest ago, the first one.
            JsonPath third = Dispatches.get(Dispatches.create(service, "0206", "COMPLAINT", TOWN, null));
            assertThat(third.getString("handlerId")).isEqualTo(first.getString("handlerId"));
            // Two open against one: the fewer wins, whatever the order.
            JsonPath fourth = Dispatches.get(Dispatches.create(service, "0206", "COMPLAINT", TOWN, null));
            assertThat(fourth.getString("handlerId")).isEqualTo(second.getString("handlerId"));
        } finally {
            TestClock.get().reset();
        }
    }
}
