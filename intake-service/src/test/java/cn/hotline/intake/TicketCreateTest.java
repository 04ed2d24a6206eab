package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.intake.service.CallerKeys;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** POST /api/v1/tickets: the contract shape, numbering, ticket.created through the outbox, idempotency. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class TicketCreateTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Inject
    CallerKeys callerKeys;

    @Test
    void createsTicketWithContractShapeAndPublishesMaskedCreatedEvent() {
        String phone = Tickets.freshPhone();
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            Response response = Tickets.post(Tickets.simple(phone));
            response.then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/v1/tickets/"));
            String id = response.path("id");
            String number = response.path("number");
            assertThat(number).matches("HZ\\d{8}\\d{6}");
            assertThat((String) response.path("status")).isEqualTo("ACCEPTED");
            assertThat((String) response.path("territory.countyCode")).isEqualTo("330523");
            assertThat((String) response.path("territory.townCode")).isEqualTo("330523108");
            assertThat((String) response.path("territory.villageCode")).isEqualTo("330523108204");
            assertThat((String) response.path("territory.resolvedBy")).isEqualTo("POLYGON+ADDRESS");
            // Other tests file at the same village and category, so only "no unresolved, no same caller" is certain.
            assertThat((List<String>) response.path("flags")).doesNotContain("TERRITORY_UNRESOLVED", "REPEAT_COMPLAINANT");
            assertThat((List<String>) response.path("duplicateSuggestions.reason")).doesNotContain("SAME_CALLER");
            assertThat((String) response.path("caller.phone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

            CloudEvent event = probe.await(EventTypes.TICKET_CREATED, e -> id.equals(e.subject()), Duration.ofSeconds(60));
            TicketCreated created = EventCodec.decode(event, TicketCreated.class);
            assertThat(created.number()).isEqualTo(number);
            assertThat(created.callerPhoneMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(created.categoryName()).isEqualTo("噪声扰民");
            assertThat(created.territory().townCode()).isEqualTo("330523108");
            assertThat(new String(event.data())).doesNotContain(phone);
        }
    }

    @Test
    void proxyFilingKeepsTheLiaisonAndAttachments() {
        Map<String, Object> body = Tickets.simple(Tickets.freshPhone());
        body.put("channel", "PROXY");
        body.put("kind", "PETITION");
        body.put("occurredAt", "2026-11-01T09:00:00+08:00");
        body.put("attachments", List.of(Map.of("name", "信访材料.pdf", "contentType", "application/pdf", "size", 20480,
                "url", "https://files.example.org/a1")));
        Tickets.post(body).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("proxyAgent"));
        body.put("proxyAgent", "liaison-007");
        Response created = Tickets.post(body);
        created.then().statusCode(201);
        assertThat((String) created.path("proxyAgent")).isEqualTo("liaison-007");
        assertThat((String) created.path("kind")).isEqualTo("PETITION");
        assertThat((String) created.path("occurredAt")).isEqualTo("2026-11-01T01:00:00Z");
        assertThat((String) created.path("attachments[0].name")).isEqualTo("信访材料.pdf");
        assertThat((Integer) created.path("attachments[0].size")).isEqualTo(20480);
        String fetched = given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + created.path("id"))
                .then().statusCode(200).extract().path("attachments[0].url");
        assertThat(fetched).isEqualTo("https://files.example.org/a1");
    }

    @Test
    void numbersAreSequentialWithinTheDay() {
        String first = Tickets.post(Tickets.simple(Tickets.freshPhone())).then().statusCode(201).extract().path("number");
        String second = Tickets.post(Tickets.simple(Tickets.freshPhone())).then().statusCode(201).extract().path("number");
        assertThat(first.substring(0, 10)).isEqualTo(second.substring(0, 10));
        assertThat(Long.parseLong(second.substring(10))).isGreaterThan(Long.parseLong(first.substring(10)));
    }

    @Test
    void twentyConcurrentPostsWithOneKeyGiveOneTicketAndIdenticalResponses() throws Exception {
        String key = UUID.randomUUID().toString();
        String phone = Tickets.freshPhone();
        Map<String, Object> body = Tickets.simple(phone);
        ExecutorService pool20 = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> Tickets.post(body, key));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<Response> future : pool20.invokeAll(calls)) {
                Response response = future.get();
                assertThat(response.statusCode()).isEqualTo(201);
                bodies.add(response.asString());
            }
            assertThat(bodies).hasSize(20).allMatch(b -> b.equals(bodies.get(0)));
        } finally {
            pool20.shutdownNow();
        }
        assertThat(countByPhone(phone)).isEqualTo(1);
        // A later retry still gets the same answer; the same key with another body is refused.
        assertThat(Tickets.post(body, key).then().statusCode(201).extract().asString())
                .isEqualTo(Tickets.post(body, key).asString());
        Map<String, Object> other = Tickets.simple(phone);
        other.put("content", "另一件事");
        Tickets.post(other, key).then().statusCode(422).contentType("application/problem+json");
        assertThat(countByPhone(phone)).isEqualTo(1);
    }

    @Test
    void postNeedsOperatorSupervisorOrAdmin() {
        given().auth().oauth2(TestJwt.token("handler")).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(Tickets.simple(Tickets.freshPhone()))
                .when().post("/api/v1/tickets").then().statusCode(403);
    }

    @Test
    void listsCategoriesFromTheSharedCatalogue() {
        List<Map<String, Object>> categories = given().auth().oauth2(TestJwt.token("operator"))
                .when().get("/api/v1/categories").then().statusCode(200).extract().path("$");
        assertThat(categories).hasSizeGreaterThanOrEqualTo(40);
        assertThat(categories).anySatisfy(c -> {
            assertThat(c.get("code")).isEqualTo("020201");
            assertThat(c.get("name")).isEqualTo("施工噪声");
            assertThat(c.get("parentCode")).isEqualTo("0202");
        });
    }

    @Test
    void adminImportsCategoriesIdempotently() {
        String admin = TestJwt.token("admin");
        List<Map<String, String>> entries = List.of(Map.of("code", "1203", "name", "农村人居环境", "parentCode", "12"));
        given().auth().oauth2(admin).contentType("application/json").body(entries).post("/api/v1/categories/import")
                .then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json").body(entries).post("/api/v1/categories/import")
                .then().statusCode(200);
        List<String> codes = given().auth().oauth2(TestJwt.token("dispatcher")).get("/api/v1/categories").then().statusCode(200)
                .extract().path("code");
        assertThat(codes.stream().filter("1203"::equals)).hasSize(1);
        given().auth().oauth2(TestJwt.token("operator")).contentType("application/json").body(entries)
                .post("/api/v1/categories/import").then().statusCode(403);
        given().auth().oauth2(admin).contentType("application/json").body(List.of(Map.of("code", "x", "name", "")))
                .post("/api/v1/categories/import").then().statusCode(400).contentType("application/problem+json");
    }

    long countByPhone(String phone) {
        return pool.preparedQuery("select count(*) from ticket where caller_phone_hmac = $1")
                .execute(Tuple.of(callerKeys.phone(phone)))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
