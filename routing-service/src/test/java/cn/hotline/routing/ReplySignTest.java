package cn.hotline.routing;

import static cn.hotline.routing.Dispatches.dispatcher;
import static cn.hotline.routing.Dispatches.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.response.Response;

/**
 * A sign relayed from an SMS reply: only a service identity may relay, the handler named is the actor (their unit's
 * rule applies as in the console), and the history says it came by SMS through the relay.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class ReplySignTest {

    static final String CHANGSHUO = "330523002";
    static final String NOTIFY = TestJwt.token("notify-service", null, "service");

    @Inject
    DispatchService service;

    @Test
    void theRelayedSignIsTheHandlersAndSaysItCameBySms() {
        String id = Dispatches.create(service, "0202", "COMPLAINT", CHANGSHUO, null);
        String person = get(id).getString("handlerId");

        relay(id, person, NOTIFY).then().statusCode(200).body("state", equalTo("SIGNED"));
        List<Map<String, Object>> history = given().auth().oauth2(dispatcher()).when()
                .get("/api/v1/dispatches/" + id + "/history").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(history).filteredOn(h -> "sign".equals(h.get("action"))).singleElement().satisfies(h -> {
            assertThat(h.get("actor")).isEqualTo(person);
            assertThat((String) h.get("note")).contains("短信回复").contains(person).contains("notify-service");
        });
        relay(id, person, NOTIFY).then().statusCode(409);
    }

    @Test
    void onlyAServiceRelaysAndOnlyForAPersonOfTheLeadUnit() {
        String id = Dispatches.create(service, "0202", "COMPLAINT", CHANGSHUO, null);
        String person = get(id).getString("handlerId");
        String unit = get(id).getString("lead.unitCode");

        relay(id, person, TestJwt.handler(person, unit)).then().statusCode(403);
        relay(id, person, dispatcher()).then().statusCode(403);
        relay(id, person, null).then().statusCode(401);
        relay(id, "330523-HOUSING-P1", NOTIFY).then().statusCode(403);
        relay(id, "nobody", NOTIFY).then().statusCode(400).body("errors[0].field", equalTo("personId"));
        given().auth().oauth2(NOTIFY).contentType(ContentType.JSON).body(Map.of("note", "短信回复签收"))
                .when().post("/api/v1/dispatches/" + id + "/sign-by-reply").then().statusCode(400);
        assertThat(get(id).getString("state")).as("nothing was signed").isEqualTo("ASSIGNED");
    }

    private static Response relay(String id, String personId, String token) {
        var request = given().contentType(ContentType.JSON).body(Map.of("personId", personId, "note", "短信回复签收"));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/api/v1/dispatches/" + id + "/sign-by-reply");
    }
}
