package cn.hotline.routing;

import cn.hotline.testsupport.TestClock;
import static cn.hotline.routing.Dispatches.dispatcher;
import static cn.hotline.routing.Dispatches.get;
import static cn.hotline.routing.Dispatches.handler;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.junit.jupiter.api.Test;

import cn.hotline.routing.service.DispatchService;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import cn.hotline.testsupport.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Field staff's capability links: issued per person of the lead or an assisting unit, acting as them, revocable; photos by content. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class FieldLinkTest {

    static final String CHANGSHUO = "330523002";
    static final String ENFORCEMENT = "330523-ENFORCEMENT";

    @Inject
    DispatchService service;

    @ConfigProperty(name = "hotline.routing.field-links.lifetime")
    Duration lifetime;

    @Test
    void aLinkActsAsItsPersonOnItsDispatchOnlyAndStopsWhenRevoked() {
        String id = Dispatches.create(service, "0202", "COMPLAINT", CHANGSHUO, null);
        String person = get(id).getString("handlerId");
        JsonPath issued = issue(id, person).then().statusCode(201).extract().jsonPath();
        String token = issued.getString("token");
        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        assertThat(issued.getString("part")).isEqualTo("LEAD");

        given().when().get("/api/v1/field/" + token).then().statusCode(200)
                .body("dispatch.id", equalTo(id)).body("personId", equalTo(person));
        field(token, "sign", Map.of("note", "签收")).then().statusCode(200).body("dispatch.state", equalTo("SIGNED"));
        field(token, "sign", Map.of()).then().statusCode(409);
        field(token, "assign", Map.of()).then().statusCode(404);
        List<Map<String, Object>> history = given().auth().oauth2(dispatcher()).when()
                .get("/api/v1/dispatches/" + id + "/history").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(history).filteredOn(h -> "sign".equals(h.get("action"))).singleElement()
                .satisfies(h -> assertThat(h.get("actor")).isEqualTo(person));

        given().auth().oauth2(dispatcher()).when().delete("/api/v1/field-links/" + issued.getString("id")).then().statusCode(204);
        given().when().get("/api/v1/field/" + token).then().statusCode(410);
        field(token, "arrive", Map.of()).then().statusCode(410);
        given().when().get("/api/v1/field/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404);
        given().when().get("/api/v1/field/short").then().statusCode(404);
    }

    @Test
    void anExpiredLinkIsRefusedAndSaysWhy() {
        String id = Dispatches.create(service, "0202", "COMPLAINT", CHANGSHUO, null);
        String token = issue(id, get(id).getString("handlerId")).then().statusCode(201).extract().jsonPath().getString("token");
        MutableClock clock = TestClock.get();
        Instant before = clock.instant();
        try {
            clock.set(before.plus(lifetime).minusSeconds(1));
            given().when().get("/api/v1/field/" + token).then().statusCode(200);
            clock.set(before.plus(lifetime).plusSeconds(1));
            given().when().get("/api/v1/field/" + token).then().statusCode(410).body("reason", equalTo("EXPIRED"));
            field(token, "sign", Map.of()).then().statusCode(410).body("reason", equalTo("EXPIRED"));
        } finally {
            clock.set(before);
        }
        assertThat(get(id).getString("state")).as("nothing was done through the expired link").isEqualTo("ASSIGNED");
    }

    @Test
    void aLinkToADispatchThatWasReDispatchedNoLongerActs() {
        String id = Dispatches.create(service, "0202", "COMPLAINT", CHANGSHUO, null);
        String token = issue(id, get(id).getString("handlerId")).then().statusCode(201).extract().jsonPath().getString("token");
        field(token, "return", Map.of("reasonCode", "NOT_OUR_JURISDICTION", "note", "不属本单位")).then().statusCode(200);
        given().when().get("/api/v1/field/" + token).then().statusCode(200).body("dispatch.state", equalTo("RETURNED"));
        String next = Dispatches.act(id, "return-review", dispatcher(), Map.of("decision", "ACCEPT", "note", "同意"))
                .then().statusCode(200).extract().path("id");
        assertThat(next).isNotEqualTo(id);

        given().when().get("/api/v1/field/" + token).then().statusCode(410).body("reason", equalTo("SUPERSEDED"));
        field(token, "sign", Map.of()).then().statusCode(410).body("reason", equalTo("SUPERSEDED"));
        assertThat(get(id).getString("state")).isEqualTo("REASSIGNED");
    }

    @Test
    void onlyPeopleOfTheDispatchsUnitsGetALinkAndAHandlerOnlyTheirOwn() {
        String id = Dispatches.create(service, "0202", "COMPLAINT", CHANGSHUO, null);
        issue(id, "330523-HOUSING-P1").then().statusCode(400).body("errors[0].field", equalTo("personId"));
        issue(id, "nobody").then().statusCode(400);
        given().auth().oauth2(handler(ENFORCEMENT)).contentType(ContentType.JSON).body(Map.of("personId", ENFORCEMENT + "-P9"))
                .when().post("/api/v1/dispatches/" + id + "/field-links").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("personId", ENFORCEMENT + "-P1"))
                .when().post("/api/v1/dispatches/" + id + "/field-links").then().statusCode(401);
    }

    @Test
    void aBatchIssuesEveryLinkItMayAndSaysWhyNotForTheRest() {
        String id = Dispatches.create(service, "0202", "COMPLAINT", CHANGSHUO, null);
        String person = get(id).getString("handlerId");
        String missing = UUID.randomUUID().toString();
        String notify = TestJwt.token("notify-service", null, "service");
        List<Map<String, Object>> answers = given().auth().oauth2(notify).contentType(ContentType.JSON)
                .body(Map.of("links", List.of(Map.of("dispatchId", id, "personId", person),
                        Map.of("dispatchId", id, "personId", "330523-HOUSING-P1"),
                        Map.of("dispatchId", missing, "personId", person),
                        Map.of("dispatchId", id, "personId", "nobody"))))
                .when().post("/api/v1/dispatches/field-link-batches").then().statusCode(200)
                .extract().jsonPath().getList("links");

        assertThat(answers).extracting(a -> a.get("personId")).containsExactly(person, "330523-HOUSING-P1", person, "nobody");
        assertThat(answers.get(0).get("part")).isEqualTo("LEAD");
        assertThat(answers.get(0).get("problem")).isNull();
        assertThat(answers.subList(1, 4)).allSatisfy(a -> assertThat(a.get("token")).isNull())
                .extracting(a -> (String) a.get("problem"))
                .satisfiesExactly(p -> assertThat(p).contains("neither the lead nor an assisting unit"),
                        p -> assertThat(p).isEqualTo("no dispatch " + missing), p -> assertThat(p).isEqualTo("unknown person nobody"));
        // The issued token acts as its person, like a link issued alone.
        given().when().get("/api/v1/field/" + answers.get(0).get("token")).then().statusCode(200)
                .body("dispatch.id", equalTo(id)).body("personId", equalTo(person));
    }

    @Test
    void aBatchWithoutLinksOrWithAnUnnamedDispatchIsRefusedWhole() {
        String notify = TestJwt.token("notify-service", null, "service");
        given().auth().oauth2(notify).contentType(ContentType.JSON).body(Map.of("links", List.of()))
                .when().post("/api/v1/dispatches/field-link-batches").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(notify).contentType(ContentType.JSON)
                .body(Map.of("links", List.of(Map.of("personId", ENFORCEMENT + "-P1"))))
                .when().post("/api/v1/dispatches/field-link-batches").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.containsString("dispatchId"));
        given().auth().oauth2(handler(ENFORCEMENT)).contentType(ContentType.JSON)
                .body(Map.of("links", List.of(Map.of("dispatchId", UUID.randomUUID().toString(), "personId", ENFORCEMENT + "-P1"))))
                .when().post("/api/v1/dispatches/field-link-batches").then().statusCode(403);
    }

    @Test
    void photosAreCheckedByContentSizeAndSide() throws Exception {
        String id = Dispatches.create(service, "0202", "COMPLAINT", CHANGSHUO, null);
        String token = issue(id, get(id).getString("handlerId")).then().statusCode(201).extract().jsonPath().getString("token");
        photo(token, "这不是图片".getBytes(java.nio.charset.StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors[0].field", equalTo("photo"));
        photo(token, png(2000, 100)).then().statusCode(400);
        photo(token, png(800, 600)).then().statusCode(200).body("width", equalTo(800)).body("contentType", equalTo("image/png"));
        String ticketId = get(id).getString("ticketId");
        List<Map<String, Object>> photos = given().auth().oauth2(dispatcher()).when()
                .get("/api/v1/tickets/" + ticketId + "/photos").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(photos).singleElement().satisfies(p -> assertThat(p.get("height")).isEqualTo(600));
        byte[] bytes = given().auth().oauth2(dispatcher()).when().get("/api/v1/photos/" + photos.get(0).get("id"))
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(bytes)).getWidth()).isEqualTo(800);

        // The unit's own handler sees the site photo; another unit's handler sees neither the list entry nor the bytes.
        String own = Dispatches.handler(get(id).getString("lead.unitCode"));
        given().auth().oauth2(own).when().get("/api/v1/tickets/" + ticketId + "/photos").then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(own).when().get("/api/v1/photos/" + photos.get(0).get("id")).then().statusCode(200);
        String foreign = Dispatches.handler("330523-POLICE");
        given().auth().oauth2(foreign).when().get("/api/v1/tickets/" + ticketId + "/photos").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(foreign).when().get("/api/v1/photos/" + photos.get(0).get("id")).then().statusCode(404);
    }

    private static io.restassured.response.Response issue(String dispatchId, String personId) {
        return given().auth().oauth2(dispatcher()).contentType(ContentType.JSON).body(Map.of("personId", personId))
                .when().post("/api/v1/dispatches/" + dispatchId + "/field-links");
    }

    private static io.restassured.response.Response field(String token, String action, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/field/" + token + "/" + action);
    }

    private static io.restassured.response.Response photo(String token, byte[] bytes) {
        return given().contentType("application/octet-stream").body(bytes).when().post("/api/v1/field/" + token + "/photos");
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
