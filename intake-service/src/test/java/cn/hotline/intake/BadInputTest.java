package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Each class of bad input → 4xx problem+json naming the field; nothing stored, nothing published. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class BadInputTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    private EventProbe probe;
    private final List<String> rejectedKeys = new ArrayList<>();

    @BeforeEach
    void openProbe() {
        probe = EventProbe.open(bootstrap, Topics.TICKETS);
        rejectedKeys.clear();
    }

    @AfterEach
    void nothingStoredNothingPublished() {
        try {
            // A good ticket after the bad ones: once its event is on Kafka, anything the bad ones published would be too.
            String good = Tickets.create(Tickets.simple(Tickets.freshPhone()));
            probe.await(EventTypes.TICKET_CREATED, e -> good.equals(e.subject()), Duration.ofSeconds(60));
            for (String key : rejectedKeys) {
                String id = UUID.nameUUIDFromBytes(("ticket:" + key).getBytes(StandardCharsets.UTF_8)).toString();
                assertThat(count("select count(*) from ticket where id = $1::uuid", id)).as("ticket stored").isZero();
                assertThat(count("select count(*) from idempotency_key where key = $1", key)).as("key stored").isZero();
                assertThat(count("select count(*) from outbox_event where subject = $1", id)).as("event stored").isZero();
                assertThat(probe.events().stream().filter(e -> id.equals(e.subject()))).as("published").isEmpty();
            }
        } finally {
            probe.close();
        }
    }

    @Test
    void malformedJson() {
        rejected(raw("{\"channel\":\"PHONE\",\"kind\":"), 400, "$");
    }

    @Test
    void unknownEnumValues() {
        Map<String, Object> body = Tickets.simple(Tickets.freshPhone());
        body.put("channel", "PIGEON");
        rejected(json(body), 400, "channel");
        Map<String, Object> urgency = Tickets.simple(Tickets.freshPhone());
        urgency.put("urgency", "VERY");
        rejected(json(urgency), 400, "urgency");
    }

    @Test
    void emptyContent() {
        Map<String, Object> body = Tickets.simple(Tickets.freshPhone());
        body.put("content", "   ");
        rejected(json(body), 400, "content");
    }

    @Test
    void coordinatesOutOfRange() {
        Map<String, Object> body = Tickets.body(Tickets.freshPhone(), "0202", 91.0, 200.0, null);
        Response response = rejected(json(body), 400, "location.lat");
        assertThat((List<String>) response.path("errors.field")).contains("location.lon");
    }

    @Test
    void phoneThatIsNotAPhone() {
        for (String phone : List.of("12345", "1381234567", "23812345678", "abc13812345678")) {
            Map<String, Object> body = Tickets.simple(phone);
            rejected(json(body), 400, "caller.phone");
        }
    }

    @Test
    void landlineIsAccepted() {
        Tickets.post(Tickets.simple("0572-1234567")).then().statusCode(201);
    }

    @Test
    void controlCharacters() {
        Map<String, Object> body = Tickets.simple(Tickets.freshPhone());
        body.put("content", "噪声\u0007扰民");
        rejected(json(body), 400, "content");
        Map<String, Object> name = Tickets.simple(Tickets.freshPhone());
        name.put("caller", Map.of("name", "张\u0000三", "phone", Tickets.freshPhone()));
        rejected(json(name), 400, "caller.name");
    }

    @Test
    void unknownCategoryAndHalfACoordinate() {
        Map<String, Object> body = Tickets.simple(Tickets.freshPhone());
        body.put("categoryCode", "7777");
        body.put("location", Map.of("lat", 30.5));
        Response response = rejected(json(body), 400, "categoryCode");
        assertThat((List<String>) response.path("errors.field")).contains("location.lon");
    }

    @Test
    void bodyOverTheLimit() {
        Map<String, Object> body = Tickets.simple(Tickets.freshPhone());
        body.put("content", "噪".repeat(30_000));
        String key = UUID.randomUUID().toString();
        rejectedKeys.add(key);
        Response response = given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/tickets");
        response.then().statusCode(413).contentType("application/problem+json");
        assertThat((Integer) response.path("status")).isEqualTo(413);
    }

    @Test
    void streamedBodyOverTheLimit() {
        Map<String, Object> body = Tickets.simple(Tickets.freshPhone());
        body.put("content", "噪".repeat(30_000));
        String key = UUID.randomUUID().toString();
        rejectedKeys.add(key);
        // No Content-Length: the size is only found out while reading (chunked transfer).
        Response response = given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                .header("Idempotency-Key", key)
                .body(new java.io.ByteArrayInputStream(json(body).getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/tickets");
        response.then().statusCode(413).contentType("application/problem+json");
        assertThat((Integer) response.path("status")).isEqualTo(413);
    }

    @Test
    void missingIdempotencyKey() {
        Response response = given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                .body(Tickets.simple(Tickets.freshPhone())).when().post("/api/v1/tickets");
        response.then().statusCode(400).contentType("application/problem+json");
        assertThat((List<String>) response.path("errors.field")).contains("Idempotency-Key");
    }

    private Response rejected(String body, int status, String field) {
        String key = UUID.randomUUID().toString();
        rejectedKeys.add(key);
        Response response = given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/tickets");
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat((List<String>) response.path("errors.field")).as(response.asString()).contains(field);
        return response;
    }

    private static String raw(String text) {
        return text;
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(new LinkedHashMap<>(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
