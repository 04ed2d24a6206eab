package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The operator's look ahead: the create's validation and placing, duplicates and the repeat count, nothing stored. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class TicketPreviewTest {

    @Test
    void previewPlacesFlagsAndFindsDuplicatesWithoutStoringAnything() {
        String phone = Tickets.freshPhone();
        preview(Tickets.simple(phone)).then().statusCode(200)
                .body("territory.countyCode", equalTo("330523")).body("callerTicketsInWindow", equalTo(0));
        assertThat(byPhone(phone)).as("a preview stores nothing").isEmpty();

        String earlier = Tickets.create(Tickets.simple(phone));
        preview(Tickets.simple(phone)).then().statusCode(200)
                .body("flags", hasItem("POSSIBLE_DUPLICATE")).body("duplicateSuggestions[0].id", equalTo(earlier))
                .body("duplicateSuggestions[0].reason", equalTo("SAME_CALLER")).body("callerTicketsInWindow", equalTo(1));
        assertThat(byPhone(phone)).hasSize(1);
    }

    @Test
    void previewAnswersBadInputLikeTheCreate() {
        Map<String, Object> body = Tickets.body(Tickets.freshPhone(), "99999", null, null, null);
        preview(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("categoryCode"));
        preview(Map.of("kind", "COMPLAINT", "content", "x")).then().statusCode(400).body("errors.field", hasItem("channel"));
        given().auth().oauth2(TestJwt.token("handler")).contentType(ContentType.JSON).body(Tickets.simple(Tickets.freshPhone()))
                .when().post("/api/v1/tickets/preview").then().statusCode(403);
    }

    private static Response preview(Object body) {
        return given().auth().oauth2(TestJwt.token("operator")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tickets/preview");
    }

    private static List<Object> byPhone(String phone) {
        return given().auth().oauth2(TestJwt.token("operator")).queryParam("callerPhone", phone)
                .when().get("/api/v1/tickets").then().statusCode(200).extract().jsonPath().getList("items");
    }
}
