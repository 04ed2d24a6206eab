package cn.hotline.intake;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.hotline.testsupport.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Test helpers: ticket bodies, fresh phones, and POST with a fresh or given Idempotency-Key. */
final class Tickets {

    private Tickets() {
    }

    static String freshPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Map<String, Object> body(String phone, String categoryCode, Double lat, Double lon, String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "PHONE");
        body.put("kind", "COMPLAINT");
        body.put("urgency", "NORMAL");
        if (categoryCode != null) {
            body.put("categoryCode", categoryCode);
        }
        body.put("content", "楼上噪声扰民，晚上十点后仍在装修");
        body.put("caller", Map.of("name", "张三", "phone", phone));
        Map<String, Object> location = new LinkedHashMap<>();
        if (lat != null) {
            location.put("lat", lat);
            location.put("lon", lon);
        }
        if (address != null) {
            location.put("address", address);
        }
        body.put("location", location);
        return body;
    }

    static Map<String, Object> simple(String phone) {
        return body(phone, "0202", 30.52, 119.63, "安吉县天荒坪镇余村");
    }

    static Response post(Object body) {
        return post(body, UUID.randomUUID().toString());
    }

    static Response post(Object body, String key) {
        return given().auth().oauth2(TestJwt.token("operator")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/tickets");
    }

    static String create(Object body) {
        return post(body).then().statusCode(201).extract().path("id");
    }
}
