package cn.hotline.routing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.routing.service.DispatchService;
import cn.hotline.routing.service.TerritoryQuery;
import cn.hotline.routing.service.TicketFacts;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Test helpers: create dispatches, act on them, build ticket events. */
final class Dispatches {

    static final Duration KAFKA_BOUND = Duration.ofSeconds(60);

    private Dispatches() {
    }

    /** Creates a dispatch the way the ticket.created consumer does (same service call), returns its id. */
    static String create(DispatchService service, String category, String kind, String townCode, String villageCode) {
        String ticketId = "T-" + UUID.randomUUID();
        TicketFacts facts = new TicketFacts(ticketId, "HZ" + System.nanoTime(), "PHONE", kind, "NORMAL", category,
                new TerritoryQuery(null, townCode, villageCode, "CODE", null, null, null));
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> service.onCreated(facts, "test-" + UUID.randomUUID())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return (String) byTicket(ticketId).get(0).get("id");
    }

    static List<Map<String, Object>> byTicket(String ticketId) {
        return given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("ticketId", ticketId)
                .when().get("/api/v1/dispatches").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static JsonPath get(String id) {
        return given().auth().oauth2(TestJwt.token("dispatcher")).when().get("/api/v1/dispatches/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    static Response act(String id, String action, String token, Map<String, ?> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/api/v1/dispatches/" + id + "/" + action);
    }

    static String handler(String unitCode) {
        return TestJwt.handler(unitCode + "-P2", unitCode);
    }

    static String dispatcher() {
        return TestJwt.token("dispatcher");
    }

    static String supervisor() {
        return TestJwt.token("supervisor");
    }

    static CloudEvent ticketCreated(String eventId, String ticketId, DecisionCases.Case c) {
        TicketCreated payload = new TicketCreated(TicketCreated.SCHEMA_VERSION, ticketId, "HZ" + System.nanoTime(),
                "PHONE", c.kind(), c.urgency(), c.category(), null, "测试：" + c.name(),
                c.county() == null && c.town() == null && c.village() == null ? null
                        : new TerritoryRef(c.county(), c.town(), c.village(), "OPERATOR"),
                c.lat(), c.lon(), c.address(), List.of(), "138****5678", Instant.now(), Instant.now());
        return new CloudEvent(eventId, "/hotline/intake-service", EventTypes.TICKET_CREATED, ticketId, Instant.now(),
                EventCodec.encode(payload));
    }
}
