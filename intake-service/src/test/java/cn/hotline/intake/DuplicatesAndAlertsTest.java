package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.events.payload.RepeatComplainantAlert;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.events.payload.TicketMerged;
import cn.hotline.intake.service.HotwordSurges;
import cn.hotline.support.redis.RedisConnection;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Duplicate suggestions, merge (并单), repeat complainant and hot-word surge — each proven with events from Kafka. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class DuplicatesAndAlertsTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisConnection redis;

    @Test
    void sameCallerIsSuggestedAsDuplicateAndCanBeMerged() {
        String phone = Tickets.freshPhone();
        String master = Tickets.create(Tickets.body(phone, null, null, null, "长兴县画溪街道"));
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            Response second = Tickets.post(Tickets.body(phone, null, null, null, "长兴县画溪街道"));
            second.then().statusCode(201);
            String duplicate = second.path("id");
            assertThat((List<String>) second.path("duplicateSuggestions.id")).contains(master);
            assertThat((List<String>) second.path("duplicateSuggestions.reason")).contains("SAME_CALLER");
            TicketCreated created = EventCodec.decode(
                    probe.await(EventTypes.TICKET_CREATED, e -> duplicate.equals(e.subject()), BOUND), TicketCreated.class);
            assertThat(created.flags()).contains("POSSIBLE_DUPLICATE");

            given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                    .body(Map.of("masterTicketId", master)).when().post("/api/v1/tickets/" + duplicate + "/merge")
                    .then().statusCode(200);
            TicketMerged merged = EventCodec.decode(
                    probe.await(EventTypes.TICKET_MERGED, e -> duplicate.equals(e.subject()), BOUND), TicketMerged.class);
            assertThat(merged.masterTicketId()).isEqualTo(master);
            assertThat(merged.mergedBy()).isEqualTo("test-operator");
        }
        assertThat(TicketLifecycleTest.status(duplicate(master, phone))).isEqualTo("MERGED");
    }

    /** A job-seeking request without any configured hot word, so only the category counts. */
    private static Map<String, Object> jobs(String address) {
        Map<String, Object> body = Tickets.body(Tickets.freshPhone(), "0403", null, null, address);
        body.put("content", "想咨询本地招聘会的时间和地点");
        return body;
    }

    private String duplicate(String master, String phone) {
        List<String> ids = given().auth().oauth2(TestJwt.token("operator")).queryParam("callerPhone", phone)
                .get("/api/v1/tickets").then().statusCode(200).extract().path("items.id");
        return ids.stream().filter(id -> !id.equals(master)).findFirst().orElseThrow();
    }

    @Test
    void closedMatterRaisedAgainIsAlerted() {
        String phone = Tickets.freshPhone();
        String closed = Tickets.create(Tickets.body(phone, "0204", null, null, "南浔区千金镇"));
        String dispatch = UUID.randomUUID().toString();
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, closed, dispatch, "U-clean");
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_COMPLETED, closed, dispatch, "U-clean");
        TicketLifecycleTest.awaitStatus(closed, "AWAITING_FOLLOWUP");
        given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                .body(Map.of("resolution", "RESOLVED", "satisfaction", "BASIC")).post("/api/v1/tickets/" + closed + "/follow-up")
                .then().statusCode(200);
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.ALERTS)) {
            Response again = Tickets.post(Tickets.body(phone, "0204", null, null, "南浔区千金镇"));
            String id = again.path("id");
            assertThat((List<String>) again.path("flags")).contains("REPEAT_COMPLAINANT", "POSSIBLE_DUPLICATE");
            RepeatComplainantAlert alert = EventCodec.decode(
                    probe.await(EventTypes.ALERT_REPEAT_COMPLAINANT, e -> id.equals(e.subject()), BOUND), RepeatComplainantAlert.class);
            assertThat(alert.reason()).isEqualTo("CLOSED_MATTER_RAISED_AGAIN");
            assertThat(alert.relatedTicketIds()).containsExactly(closed);
        }
    }

    @Test
    void citizenLookupOfAMergedTicketShowsTheMaster() {
        String master = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        Response duplicate = Tickets.post(Tickets.simple(Tickets.freshPhone()));
        given().auth().oauth2(TestJwt.token("supervisor")).contentType("application/json").body(Map.of("masterTicketId", master))
                .post("/api/v1/tickets/" + duplicate.path("id") + "/merge").then().statusCode(200);
        String masterNumber = given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + master).path("number");
        given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/by-number/" + duplicate.path("number"))
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("MERGED"))
                .body("mergedInto", org.hamcrest.Matchers.equalTo(masterNumber))
                .body("masterStatus", org.hamcrest.Matchers.equalTo("ACCEPTED"));
    }

    @Test
    void mergeErrors() {
        String a = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String b = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String operator = TestJwt.token("operator");
        given().auth().oauth2(operator).contentType("application/json").body(Map.of("masterTicketId", a))
                .post("/api/v1/tickets/" + a + "/merge").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(operator).contentType("application/json").body(Map.of("masterTicketId", UUID.randomUUID().toString()))
                .post("/api/v1/tickets/" + a + "/merge").then().statusCode(400);
        given().auth().oauth2(operator).contentType("application/json").body(Map.of("masterTicketId", a))
                .post("/api/v1/tickets/" + UUID.randomUUID() + "/merge").then().statusCode(404);
        given().auth().oauth2(TestJwt.token("handler")).contentType("application/json").body(Map.of("masterTicketId", a))
                .post("/api/v1/tickets/" + b + "/merge").then().statusCode(403);
        given().auth().oauth2(operator).contentType("application/json").body(Map.of("masterTicketId", a))
                .post("/api/v1/tickets/" + b + "/merge").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("MERGED"));
        given().auth().oauth2(operator).contentType("application/json").body(Map.of("masterTicketId", a))
                .post("/api/v1/tickets/" + b + "/merge").then().statusCode(409);
        // A ticket cannot be merged into a merged one.
        given().auth().oauth2(operator).contentType("application/json").body(Map.of("masterTicketId", b))
                .post("/api/v1/tickets/" + a + "/merge").then().statusCode(409);
    }

    @Test
    void samePlaceAndCategoryIsSuggested() {
        String address = "德清县洛舍镇" + UUID.randomUUID().toString().substring(0, 8) + "号";
        String first = Tickets.create(Tickets.body(Tickets.freshPhone(), "0601", null, null, address));
        Response second = Tickets.post(Tickets.body(Tickets.freshPhone(), "0601", null, null, address));
        assertThat((List<String>) second.path("duplicateSuggestions.id")).contains(first);
        assertThat((List<String>) second.path("duplicateSuggestions.reason")).containsOnly("SAME_PLACE_AND_CATEGORY");
    }

    @Test
    void repeatComplainantIsFlaggedAndAlerted() {
        String phone = Tickets.freshPhone();
        String first = Tickets.create(Tickets.body(phone, "0401", null, null, "长兴县林城镇"));
        String second = Tickets.create(Tickets.body(phone, "0402", null, null, "长兴县林城镇"));
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.ALERTS)) {
            Response third = Tickets.post(Tickets.body(phone, "0403", null, null, "长兴县林城镇"));
            assertThat((List<String>) third.path("flags")).contains("REPEAT_COMPLAINANT");
            String id = third.path("id");
            CloudEvent alert = probe.await(EventTypes.ALERT_REPEAT_COMPLAINANT, e -> id.equals(e.subject()), BOUND);
            RepeatComplainantAlert payload = EventCodec.decode(alert, RepeatComplainantAlert.class);
            assertThat(payload.reason()).isEqualTo("COUNT_IN_WINDOW");
            assertThat(payload.ticketCount()).isEqualTo(3);
            assertThat(payload.relatedTicketIds()).containsExactlyInAnyOrder(first, second);
            assertThat(payload.callerPhoneMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(new String(alert.data())).doesNotContain(phone);
        }
    }

    @Test
    void hotwordSurgeAgainstTheTownsOwnBaseline() {
        var redisCommands = redis.get().sync();
        // 和平镇 (长兴) with 0403 就业创业 is used by this test only; clear counters left by an earlier run.
        List<String> stale = redisCommands.keys("intake:hw*330522110*");
        if (!stale.isEmpty()) {
            redisCommands.del(stale.toArray(new String[0]));
        }
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.ALERTS)) {
            String last = null;
            for (int i = 0; i < 5; i++) {
                last = Tickets.create(jobs("长兴县和平镇"));
            }
            String fifth = last;
            HotwordSurgeAlert alert = EventCodec.decode(probe.await(EventTypes.ALERT_HOTWORD_SURGE,
                    e -> fifth.equals(e.subject()), BOUND), HotwordSurgeAlert.class);
            assertThat(alert.townCode()).isEqualTo("330522110");
            assertThat(alert.categoryCode()).isEqualTo("0403");
            assertThat(alert.count()).isEqualTo(5);
            assertThat(alert.baseline()).isZero();
            assertThat(alert.keyword()).isNull();
            // The surge is kept for the cockpit: GET /api/v1/tickets/stats lists it for its window.
            List<Map<String, Object>> surges = io.restassured.RestAssured.given().auth()
                    .oauth2(cn.hotline.testsupport.TestJwt.token("supervisor"))
                    .queryParam("from", alert.raisedAt().minusSeconds(1).toString())
                    .queryParam("to", alert.raisedAt().plusSeconds(1).toString())
                    .when().get("/api/v1/tickets/stats").then().statusCode(200).extract().jsonPath().getList("hotwordSurges");
            assertThat(surges).anySatisfy(h -> {
                assertThat(h.get("townCode")).isEqualTo("330522110");
                assertThat(((Number) h.get("count")).longValue()).isEqualTo(5);
            });
            // A desk kept to its county sees its own surge and tickets; a desk kept to another county sees neither.
            String from = alert.raisedAt().minusSeconds(120).toString();
            String to = alert.raisedAt().plusSeconds(1).toString();
            io.restassured.path.json.JsonPath own = statsAs(cn.hotline.testsupport.TestJwt.inTerritory("supervisor", "330522"),
                    from, to);
            assertThat(own.getList("hotwordSurges.townCode")).contains("330522110");
            assertThat(own.getMap("byCounty")).containsOnlyKeys("330522");
            io.restassured.path.json.JsonPath other = statsAs(
                    cn.hotline.testsupport.TestJwt.inTerritory("dispatcher", "330523"), from, to);
            assertThat(other.getList("hotwordSurges.townCode", String.class)).doesNotContain("330522110");
            assertThat(other.getMap("byCounty")).doesNotContainKey("330522");
        }
        // 泗安镇 has a busy baseline (6 a day at this hour): 5 now is no surge there.
        List<String> staleBusy = redisCommands.keys("intake:hw*330522111*");
        if (!staleBusy.isEmpty()) {
            redisCommands.del(staleBusy.toArray(new String[0]));
        }
        Instant now = Instant.now();
        for (int day = 1; day <= 7; day++) {
            String bucket = HotwordSurges.bucket("330522111", "c:0403", now.minus(Duration.ofDays(day)));
            redisCommands.sadd(bucket, "a", "b", "c", "d", "e", "f");
        }
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.ALERTS)) {
            String last = null;
            for (int i = 0; i < 5; i++) {
                last = Tickets.create(jobs("长兴县泗安镇"));
            }
            // The marker ticket's created event shows the relay has passed these tickets.
            String marker = last;
            try (EventProbe tickets = EventProbe.open(bootstrap, Topics.TICKETS)) {
                String check = Tickets.create(Tickets.simple(Tickets.freshPhone()));
                tickets.await(EventTypes.TICKET_CREATED, e -> check.equals(e.subject()), BOUND);
            }
            assertThat(probe.events(EventTypes.ALERT_HOTWORD_SURGE, e -> EventCodec.decode(e, HotwordSurgeAlert.class)
                    .townCode().equals("330522111"))).as("no surge over a busy baseline; last ticket " + marker).isEmpty();
        }
    }

    private static io.restassured.path.json.JsonPath statsAs(String token, String from, String to) {
        return io.restassured.RestAssured.given().auth().oauth2(token).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/tickets/stats").then().statusCode(200).extract().jsonPath();
    }
}
