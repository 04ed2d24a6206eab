package cn.hotline.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import cn.hotline.routing.service.DispatchService;
import cn.hotline.support.redis.RedisConnection;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The organisation model and catalogue as data: seed, import APIs, versioning, refresh of every replica. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class OrganisationTest {

    @Inject
    DispatchService service;

    @Inject
    Pool pool;

    @Inject
    RedisConnection redis;

    static String admin() {
        return TestJwt.token("admin");
    }

    static List<Map<String, Object>> units(String param, String value) {
        return given().auth().oauth2(admin()).queryParam(param, value).when().get("/api/v1/units")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void seedCreatesEveryTownGovernmentVillageCommitteeAndCountyDepartment() {
        assertThat(units("kind", "TOWN_GOVERNMENT")).hasSize(72);
        assertThat(units("kind", "VILLAGE_COMMITTEE")).hasSize(1301);
        assertThat(units("kind", "COMMAND_CENTRE")).hasSize(6);
        List<Object> anji = units("territoryCode", "330523").stream().map(u -> u.get("unitName")).toList();
        assertThat(anji).contains("安吉县住房和城乡建设局", "安吉县综合行政执法局", "安吉县市场监督管理局",
                "安吉县自然资源和规划局", "湖州市生态环境局安吉分局", "安吉县人力资源和社会保障局", "安吉县教育局",
                "安吉县卫生健康局", "安吉水务有限公司", "安吉县公安局", "安吉县12345指挥中心");
        assertThat(units("territoryCode", "330502").stream().map(u -> u.get("unitName")).toList())
                .contains("湖州市公安局吴兴分局", "湖州市自然资源和规划局吴兴分局");
        JsonPath unit = given().auth().oauth2(TestJwt.token("dispatcher")).when().get("/api/v1/units/330523108-GOV")
                .then().statusCode(200).extract().jsonPath();
        assertThat(unit.getString("unitName")).isEqualTo("天荒坪镇人民政府");
        assertThat(unit.getList("people.phoneMasked", String.class)).allMatch(p -> p.matches("1\\d{2}\\*{4}\\d{4}"));
        assertThat(unit.getList("roster.days", String.class)).containsExactly("MON-SUN", "MON-SUN");
    }

    @Test
    void readinessIncludesTheRoutingIndex() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.find { it.name == 'routing-index' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'routing-index' }.data.territories", greaterThanOrEqualTo(1379)));
    }

    @Test
    void territoryTreeBoundariesAndResolution() {
        JsonPath town = given().auth().oauth2(admin()).when().get("/api/v1/territories/330523108").then().statusCode(200)
                .extract().jsonPath();
        assertThat(town.getList("path", String.class)).containsExactly("湖州市", "安吉县", "天荒坪镇");
        assertThat(town.getList("children.name", String.class)).contains("余村村委会");
        given().auth().oauth2(admin()).when().get("/api/v1/territories/330523").then().body("hasBoundary", equalTo(true));
        given().auth().oauth2(admin()).queryParam("lat", 30.87).queryParam("lon", 120.42)
                .when().get("/api/v1/territories/resolve").then().statusCode(200)
                .body("countyCode", equalTo("330503")).body("resolvedBy", equalTo("POLYGON"));
        given().auth().oauth2(admin()).queryParam("address", "德清县莫干山镇高峰村12号")
                .when().get("/api/v1/territories/resolve").then().statusCode(200)
                .body("villageCode", equalTo("330521115200")).body("resolvedBy", equalTo("ADDRESS"));
        given().auth().oauth2(admin()).queryParam("address", "莫干山镇莫干山居委会旁")
                .when().get("/api/v1/territories/resolve").then().statusCode(200)
                .body("villageCode", equalTo("330521115001"));
    }

    @Test
    void reimportingTheSeedFilesThroughTheApiIsIdempotent() throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String csv = new String(loader.getResourceAsStream("hotline/region/huzhou-divisions.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String geoJson = new String(loader.getResourceAsStream("hotline/region/huzhou-counties.geojson").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        given().auth().oauth2(admin()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/territories/import").then().statusCode(200).body("created", equalTo(1379));
        given().auth().oauth2(admin()).contentType("application/geo+json").body(geoJson)
                .when().post("/api/v1/territories/boundaries").then().statusCode(200).body("updated", equalTo(5));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"type\":\"FeatureCollection\",\"features\":"
                        + "[{\"type\":\"Feature\",\"properties\":{\"code\":\"330523\"},\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[119.6,30.6]}}]}")
                .when().post("/api/v1/territories/boundaries").then().statusCode(400)
                .body("errors[0].field", equalTo("features[0].geometry"));
        assertThat(given().auth().oauth2(admin()).queryParam("parentCode", "330523").when().get("/api/v1/territories")
                .then().statusCode(200).extract().jsonPath().getList("$")).hasSize(15);
        given().auth().oauth2(admin()).queryParam("lat", 30.63).queryParam("lon", 119.68)
                .when().get("/api/v1/territories/resolve").then().body("countyCode", equalTo("330523"));
    }

    @Test
    void importsValidateBeforeWritingAndNeedAdmin() {
        given().auth().oauth2(TestJwt.token("dispatcher")).contentType("text/csv").body("x")
                .when().post("/api/v1/territories/import").then().statusCode(403);
        given().auth().oauth2(admin()).contentType("text/csv").body("code,name,level,parent_code\n9,坏,planet,3305\n")
                .when().post("/api/v1/territories/import").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("line 2"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(List.of(Map.of("unitCode", "X-1",
                        "unitName", "测试", "kind", "GRID_TEAM", "territoryCode", "000000")))
                .when().post("/api/v1/units/import").then().statusCode(400)
                .body("errors[0].field", equalTo("[0].territoryCode"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(List.of(Map.of("unitCode", "X-1",
                        "unitName", "测试", "kind", "GRID_TEAM", "territoryCode", "330523",
                        "people", List.of(Map.of("personId", "X-1-P1", "name", "张三", "phone", "12345", "role", "handler")))))
                .when().post("/api/v1/units/import").then().statusCode(400)
                .body("errors.field", hasItem(containsString("phone")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(List.of(Map.of("ruleId", "R-BAD",
                        "categoryCode", "7777", "territoryCode", "3305", "lead", "COUNTY:MARKET")))
                .when().post("/api/v1/catalogue/rules/import").then().statusCode(400)
                .body("errors[0].field", equalTo("[0].categoryCode"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(List.of(Map.of("ruleId", "R-BAD",
                        "categoryCode", "0603", "territoryCode", "3305", "lead", "NO-SUCH-UNIT")))
                .when().post("/api/v1/catalogue/rules/import").then().statusCode(400)
                .body("errors[0].field", equalTo("[0].lead"));
        given().auth().oauth2(admin()).when().get("/api/v1/catalogue/rules/R-BAD/versions").then().statusCode(404);
    }

    @Test
    void gridAndGridTeamImportedAsData() {
        String grid = "330523108204G" + (System.nanoTime() % 100);
        given().auth().oauth2(admin()).contentType("text/csv").body(grid + ",余村第一网格,grid,330523108204\n")
                .when().post("/api/v1/territories/import").then().statusCode(200).body("created", equalTo(1));
        String phone = "199" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
        Map<String, Object> team = Map.of("unitCode", grid + "-GRID", "unitName", "余村第一网格网格员",
                "kind", "GRID_TEAM", "territoryCode", grid, "leaderId", grid + "-P1",
                "people", List.of(Map.of("personId", grid + "-P1", "name", "潘晓燕", "phone", phone, "role", "handler")),
                "roster", List.of(Map.of("personId", grid + "-P1", "days", "MON-SUN", "from", "08:00", "to", "20:00")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(List.of(team))
                .when().post("/api/v1/units/import").then().statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(TestJwt.token("dispatcher")).when().get("/api/v1/directory/units/" + grid + "-GRID")
                .then().statusCode(200).body("level", equalTo("grid")).body("leader.phone", equalTo(phone));
        given().auth().oauth2(TestJwt.token("dispatcher")).when().get("/api/v1/directory/people/by-phone/" + phone)
                .then().statusCode(200).body("personId", equalTo(grid + "-P1"));
    }

    @Test
    void aCatalogueChangeMakesANewVersionAndPastDecisionsKeepTheirs() {
        String ruleId = "R-T" + (System.nanoTime() % 100000);
        Map<String, Object> v1 = Map.of("ruleId", ruleId, "categoryCode", "0603", "territoryCode", "330523",
                "lead", "COUNTY:MARKET", "assisting", List.of("TOWN_GOVERNMENT"), "description", "燃气",
                "effectiveFrom", "2026-01-01T00:00:00+08:00");
        assertThat(given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("categoryCode", "0202")
                .when().get("/api/v1/catalogue/rules").then().statusCode(200).extract().jsonPath()
                .getList("ruleId", String.class)).containsExactly("R-012");
        importRules(v1).body("created", equalTo(1)).body("versions[0]", equalTo(ruleId + " v1"));
        importRules(v1).body("unchanged", equalTo(1)).body("created", equalTo(0));
        String before = Dispatches.create(service, "0603", "COMPLAINT", "330523108", null);
        assertThat(Dispatches.get(before).getString("ruleId")).isEqualTo(ruleId);

        Map<String, Object> v2 = new java.util.HashMap<>(v1);
        v2.put("lead", "COUNTY:HOUSING");
        v2.put("effectiveFrom", "2026-11-22T00:00:00+08:00");
        importRules(v2).body("updated", equalTo(1)).body("versions[0]", equalTo(ruleId + " v2"));

        JsonPath now = DecisionPreviewTest.preview(Map.of("categoryCode", "0603", "territory", Map.of("townCode", "330523108")));
        assertThat(now.getString("lead.unitCode")).isEqualTo("330523-HOUSING");
        assertThat(now.getInt("ruleVersion")).isEqualTo(2);
        JsonPath june = DecisionPreviewTest.preview(Map.of("categoryCode", "0603", "at", "2026-06-01T10:00:00+08:00",
                "territory", Map.of("townCode", "330523108")));
        assertThat(june.getString("lead.unitCode")).isEqualTo("330523-MARKET");
        assertThat(june.getInt("ruleVersion")).isEqualTo(1);

        JsonPath past = Dispatches.get(before);
        assertThat(past.getInt("ruleVersion")).isEqualTo(1);
        assertThat(past.getString("lead.unitCode")).isEqualTo("330523-MARKET");
        JsonPath versions = given().auth().oauth2(TestJwt.token("dispatcher")).when()
                .get("/api/v1/catalogue/rules/" + ruleId + "/versions").then().statusCode(200).extract().jsonPath();
        assertThat(versions.getList("version", Integer.class)).containsExactly(1, 2);
        assertThat(versions.getString("[0].effectiveTo")).isEqualTo(versions.getString("[1].effectiveFrom"));
        v2.put("effectiveFrom", "2026-03-01T00:00:00+08:00");
        v2.put("lead", "COUNTY:EDU");
        importRules(v2, 400);

        given().auth().oauth2(TestJwt.token("dispatcher")).when().delete("/api/v1/catalogue/rules/" + ruleId)
                .then().statusCode(403);
        given().auth().oauth2(admin()).when().delete("/api/v1/catalogue/rules/" + ruleId).then().statusCode(200)
                .body("version", equalTo(2)).body("effectiveTo", equalTo("2026-11-23T02:00:00Z"));
        assertThat(DecisionPreviewTest.preview(Map.of("categoryCode", "0603", "territory",
                Map.of("townCode", "330523108"))).getString("queue")).isEqualTo("MANUAL");
        given().auth().oauth2(admin()).when().delete("/api/v1/catalogue/rules/" + ruleId).then().statusCode(404);
    }

    @Test
    void anotherReplicasChangeReachesThisReplicaThroughRedis() {
        String ruleId = "R-X" + (System.nanoTime() % 100000);
        // Another replica wrote a rule and announced it; this replica has not seen the row yet.
        pool.preparedQuery("insert into routing_rule (rule_id, version, category_code, territory_code, lead, assisting,"
                        + " priority, description, effective_from, created_at) values ($1, 1, '0604', '3305', 'COUNTY:MARKET',"
                        + " '', 100, '通信网络', '2026-01-01T00:00:00Z', now())")
                .execute(Tuple.of(ruleId)).await().atMost(Duration.ofSeconds(10));
        assertThat(DecisionPreviewTest.preview(Map.of("categoryCode", "0604", "territory",
                Map.of("townCode", "330523002"))).getString("queue")).isEqualTo("MANUAL");
        redis.get().sync().publish("hotline:routing:refresh", "other-replica:catalogue");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ruleId.equals(DecisionPreviewTest.preview(
                Map.of("categoryCode", "0604", "territory", Map.of("townCode", "330523002"))).getString("ruleId")));
    }

    private static io.restassured.response.ValidatableResponse importRules(Map<String, Object> rule) {
        return importRules(rule, 200);
    }

    private static io.restassured.response.ValidatableResponse importRules(Map<String, Object> rule, int status) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(List.of(rule))
                .when().post("/api/v1/catalogue/rules/import").then().statusCode(status);
    }
}
