package cn.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The decision table through {@code POST /api/v1/routing/preview}, plus explanation and input checks. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class DecisionPreviewTest {

    static Map<String, Object> ticket(DecisionCases.Case c) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("kind", c.kind());
        body.put("urgency", c.urgency());
        body.put("content", "测试诉求：" + c.name());
        if (c.category() != null) {
            body.put("categoryCode", c.category());
        }
        if (c.county() != null || c.town() != null || c.village() != null) {
            Map<String, Object> territory = new HashMap<>();
            territory.put("countyCode", c.county());
            territory.put("townCode", c.town());
            territory.put("villageCode", c.village());
            body.put("territory", territory);
        }
        if (c.address() != null || c.lat() != null) {
            Map<String, Object> location = new HashMap<>();
            location.put("address", c.address());
            location.put("lat", c.lat());
            location.put("lon", c.lon());
            body.put("location", location);
        }
        return body;
    }

    static JsonPath preview(Object body) {
        return given().auth().oauth2(TestJwt.token("dispatcher")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/routing/preview")
                .then().statusCode(200).extract().jsonPath();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.hotline.routing.DecisionCases#cases")
    void previewDecides(DecisionCases.Case c) {
        JsonPath decision = preview(ticket(c));
        if (c.lead() == null) {
            assertThat(decision.getString("queue")).isEqualTo("MANUAL");
            assertThat(decision.getString("state")).isEqualTo("UNASSIGNED");
            assertThat(decision.getString("lead")).isNull();
        } else {
            assertThat(decision.getString("queue")).as(decision.getList("explanation").toString()).isEqualTo("AUTO");
            assertThat(decision.getString("lead.unitCode")).as(decision.getList("explanation").toString())
                    .isEqualTo(c.lead());
            assertThat(decision.getString("lead.unitName")).isNotBlank();
            assertThat(decision.getList("assisting.unitCode", String.class)).isEqualTo(c.assisting());
            assertThat(decision.getString("ruleId")).startsWith("R-");
            assertThat(decision.getInt("ruleVersion")).isGreaterThanOrEqualTo(1);
        }
        assertThat(decision.getList("explanation", String.class)).isNotEmpty();
    }

    @Test
    void explanationNamesRuleVersionTerritoryPathAndEveryUnit() {
        DecisionCases.Case noise = DecisionCases.ALL.get(2);
        JsonPath decision = preview(ticket(noise));
        List<String> why = decision.getList("explanation", String.class);
        assertThat(decision.getString("lead.unitName")).isEqualTo("安吉县综合行政执法局");
        assertThat(decision.getList("assisting.unitName", String.class)).containsExactly("昌硕街道办事处");
        assertThat(why).anyMatch(l -> l.contains("湖州市 › 安吉县 › 昌硕街道"));
        assertThat(why).anyMatch(l -> l.startsWith("rule R-012 v1: 噪声扰民 @ 湖州市"));
        assertThat(why).anyMatch(l -> l.startsWith("lead 安吉县综合行政执法局: 事权"));
        assertThat(why).anyMatch(l -> l.startsWith("assisting 昌硕街道办事处: 属地"));
        assertThat(why).anyMatch(l -> l.contains("020201 施工噪声 › 0202 噪声扰民 › 02 城市管理"));
    }

    @Test
    void neighbourDisputeInYucunNamesTheTownGovernmentAndIsDeterministic() {
        DecisionCases.Case yucun = DecisionCases.ALL.get(0);
        JsonPath first = preview(ticket(yucun));
        JsonPath second = preview(ticket(yucun));
        assertThat(first.getString("lead.unitName")).isEqualTo("天荒坪镇人民政府");
        assertThat(first.getList("assisting.unitName", String.class)).containsExactly("天荒坪镇余村村委会");
        assertThat(first.getString("territory.villageCode")).isEqualTo(DecisionCases.YUCUN);
        assertThat(second.getMap("$")).isEqualTo(first.getMap("$"));
        assertThat(first.getString("handlerId")).as("the town's day-shift handler at Monday 10:00")
                .isEqualTo(DecisionCases.TIANHUANGPING + "-GOV-P2");
    }

    @Test
    void previewRejectsBadInputNamingTheField() {
        String token = TestJwt.token("dispatcher");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("categoryCode", "0801", "urgency", "SOON"))
                .when().post("/api/v1/routing/preview")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("urgency"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("categoryCode", "0801", "territory", Map.of("townCode", "330599999")))
                .when().post("/api/v1/routing/preview")
                .then().statusCode(400).body("errors[0].field", equalTo("territory.townCode"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("categoryCode", "0801", "location", Map.of("lat", 123.0, "lon", 119.6)))
                .when().post("/api/v1/routing/preview")
                .then().statusCode(400).body("errors[0].field", equalTo("location.lat"));
        given().auth().oauth2(TestJwt.handler("h-1", "330523-POLICE")).contentType(ContentType.JSON)
                .body(Map.of("categoryCode", "0801")).when().post("/api/v1/routing/preview").then().statusCode(403);
    }
}
