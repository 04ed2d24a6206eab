package cn.hotline.notify;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** The SMSC simulator's HTTP view, as a test reads and drives it. */
public final class SmscView {

    private final String base;

    public SmscView(int httpPort) {
        this.base = "http://127.0.0.1:" + httpPort;
    }

    /** Messages received for {@code destination}, oldest first. */
    public List<Map<String, Object>> to(String destination) {
        List<Map<String, Object>> all = given().baseUri(base).when().get("/messages").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(m -> destination.equals(m.get("destination"))).toList();
    }

    /** Every message received so far, oldest first. */
    public List<Map<String, Object>> all() {
        return given().baseUri(base).when().get("/messages").then().statusCode(200).extract().jsonPath().getList("$");
    }

    public void mo(String from, String text) {
        given().baseUri(base).contentType(ContentType.JSON).body(Map.of("from", from, "text", text))
                .when().post("/mo").then().statusCode(202);
    }

    public void stopSmpp() {
        given().baseUri(base).when().post("/smpp/stop").then().statusCode(200);
    }

    public void startSmpp() {
        given().baseUri(base).when().post("/smpp/start").then().statusCode(200);
    }

    public void throttle(boolean on) {
        given().baseUri(base).when().post("/throttle?enabled=" + on).then().statusCode(200);
    }
}
