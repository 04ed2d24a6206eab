package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Open311 GeoReport v2: services, requests (form POST with api_key), lookups and the spec's error format. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class Open311Test {

    @Test
    void servicesListAndDefinition() {
        List<Map<String, Object>> services = given().when().get("/open311/v2/services.json").then().statusCode(200)
                .extract().path("$");
        assertThat(services).anySatisfy(s -> {
            assertThat(s.get("service_code")).isEqualTo("0202");
            assertThat(s.get("service_name")).isEqualTo("噪声扰民");
            assertThat(s.get("metadata")).isEqualTo(false);
            assertThat(s.get("type")).isEqualTo("realtime");
            assertThat(s.get("group")).isEqualTo("城市管理");
        });
        String xml = given().when().get("/open311/v2/services.xml").then().statusCode(200).contentType("application/xml")
                .extract().asString();
        assertThat(xml).contains("<services>").contains("<service_code>0202</service_code>");
        given().when().get("/open311/v2/services/0202.json").then().statusCode(200).body("service_code", equalTo("0202"));
        given().when().get("/open311/v2/services/777.json").then().statusCode(404).body("[0].code", equalTo(404));
    }

    @Test
    void postAndReadBackARequest() {
        Response created = given().contentType("application/x-www-form-urlencoded")
                .formParam("api_key", "local-open311-key").formParam("service_code", "0601")
                .formParam("lat", "30.64").formParam("long", "119.68").formParam("address_string", "安吉县递铺街道")
                .formParam("description", "小区停水两天了").formParam("first_name", "五").formParam("last_name", "王")
                .formParam("phone", Tickets.freshPhone()).formParam("media_url", "https://example.org/p.jpg")
                .when().post("/open311/v2/requests.json");
        created.then().statusCode(200);
        String id = created.path("[0].service_request_id");
        assertThat(id).matches("HZ\\d{14}");
        assertThat((Object) created.path("[0]")).asString().contains("account_id");

        Response one = given().when().get("/open311/v2/requests/" + id + ".json");
        one.then().statusCode(200).body("[0].service_request_id", equalTo(id)).body("[0].status", equalTo("open"))
                .body("[0].service_code", equalTo("0601")).body("[0].service_name", equalTo("供水停水"))
                .body("[0].long", equalTo(119.68f)).body("[0].agency_responsible", equalTo("湖州市12345政务服务便民热线"));
        assertThat((String) one.path("[0].requested_datetime")).matches("\\d{4}-\\d{2}-\\d{2}T.*\\+08:00");
        assertThat((String) one.path("[0].expected_datetime")).isNotNull();

        List<String> listed = given().queryParam("service_request_id", id + ",HZ00000000000000").get("/open311/v2/requests.json")
                .then().statusCode(200).extract().path("service_request_id");
        assertThat(listed).containsExactly(id);
        List<String> open = given().queryParam("service_code", "0601").queryParam("status", "open")
                .get("/open311/v2/requests.json").then().statusCode(200).extract().path("service_request_id");
        assertThat(open).contains(id);
        List<String> closed = given().queryParam("service_code", "0601").queryParam("status", "closed")
                .get("/open311/v2/requests.json").then().statusCode(200).extract().path("service_request_id");
        assertThat(closed).doesNotContain(id);
    }

    @Test
    void hotlineTicketsAreNotFoundByTheirSequentialNumber() {
        Response phoneTicket = Tickets.post(Tickets.simple(Tickets.freshPhone()));
        String number = phoneTicket.path("number");
        // Numbers can be enumerated: a hotline ticket's progress is read only with its SMS link's token.
        String notYours = given().when().get("/open311/v2/requests/" + number + ".json").then().statusCode(404)
                .body("[0].code", equalTo(404)).extract().asString();
        // "Not an Open311 request" and "no such number" answer alike (only the number asked for is echoed).
        String none = given().when().get("/open311/v2/requests/HZ19990101999999.json").then().statusCode(404).extract().asString();
        assertThat(notYours.replace(number, "N")).isEqualTo(none.replace("HZ19990101999999", "N"));
        List<String> byId = given().queryParam("service_request_id", number).get("/open311/v2/requests.json").then()
                .statusCode(200).extract().path("service_request_id");
        assertThat(byId).isEmpty();
        List<String> listed = given().queryParam("service_code", "0202").get("/open311/v2/requests.json").then().statusCode(200)
                .extract().path("service_request_id");
        assertThat(listed).doesNotContain(number);
    }

    @Test
    void errorsInTheSpecsFormat() {
        given().contentType("application/x-www-form-urlencoded").formParam("api_key", "wrong").formParam("service_code", "0601")
                .formParam("address_string", "安吉县").formParam("description", "x")
                .when().post("/open311/v2/requests.json").then().statusCode(403)
                .body("[0].code", equalTo(403)).body("[0].description", org.hamcrest.Matchers.notNullValue());
        given().contentType("application/x-www-form-urlencoded").formParam("api_key", "local-open311-key")
                .formParam("service_code", "0601").formParam("description", "没有地点")
                .when().post("/open311/v2/requests.json").then().statusCode(400).body("[0].code", equalTo(400));
        given().contentType("application/x-www-form-urlencoded").formParam("api_key", "local-open311-key")
                .formParam("service_code", "0601").formParam("address_string", "安吉县").formParam("description", "电话不对")
                .formParam("phone", "12345").when().post("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].description", org.hamcrest.Matchers.containsString("phone"));
        given().when().get("/open311/v2/requests/HZ00000000000000.json").then().statusCode(404).body("[0].code", equalTo(404));
        given().queryParam("start_date", "yesterday").when().get("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].code", equalTo(400));
    }
}
