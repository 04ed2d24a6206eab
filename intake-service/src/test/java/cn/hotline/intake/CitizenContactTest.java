package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Satisfaction;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.TicketAwaitingFollowUp;
import cn.hotline.events.payload.TicketClosed;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** What notify calls on intake for citizen SMS (service role only), and the citizen's progress lookup by token. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class CitizenContactTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static String service() {
        return TestJwt.token("notify-service", null, "service");
    }

    @Test
    void theContactIsForTheServiceRoleOnly() {
        String phone = Tickets.freshPhone();
        String id = Tickets.create(Tickets.simple(phone));
        given().auth().oauth2(service()).when().get("/api/v1/citizen/tickets/" + id + "/contact").then().statusCode(200)
                .body("phone", equalTo(phone)).body("optedOut", equalTo(false)).body("status", equalTo("ACCEPTED"));
        for (String role : new String[] {"operator", "supervisor", "admin", "dispatcher"}) {
            given().auth().oauth2(TestJwt.token(role)).when().get("/api/v1/citizen/tickets/" + id + "/contact").then()
                    .statusCode(403);
        }
        given().when().get("/api/v1/citizen/tickets/" + id + "/contact").then().statusCode(401);
        given().auth().oauth2(service()).when().get("/api/v1/citizen/tickets/" + UUID.randomUUID() + "/contact").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBatchAnswersManyContactsInOneCallWithProgressLinksWhereAskedAndTextable() {
        String phone = Tickets.freshPhone();
        String withPhone = Tickets.create(Tickets.simple(phone));
        String alsoWithPhone = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String unknown = UUID.randomUUID().toString();
        Response answer = given().auth().oauth2(service()).contentType(ContentType.JSON)
                .body(Map.of("tickets", java.util.List.of(Map.of("ticketId", withPhone, "progressLink", true),
                        Map.of("ticketId", unknown, "progressLink", true), Map.of("ticketId", alsoWithPhone))))
                .when().post("/api/v1/citizen/contact-batches");
        answer.then().statusCode(200).body("contacts.size()", equalTo(2))
                .body("contacts[0].ticketId", equalTo(withPhone)).body("contacts[0].phone", equalTo(phone))
                .body("contacts[0].optedOut", equalTo(false)).body("contacts[0].status", equalTo("ACCEPTED"))
                .body("contacts[1].ticketId", equalTo(alsoWithPhone))
                .body("contacts[1].progressToken", org.hamcrest.Matchers.nullValue());
        String token = answer.path("contacts[0].progressToken");
        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        given().accept(ContentType.JSON).when().get("/api/v1/progress/" + token).then().statusCode(200);

        given().auth().oauth2(TestJwt.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("tickets", java.util.List.of(Map.of("ticketId", withPhone))))
                .when().post("/api/v1/citizen/contact-batches").then().statusCode(403);
        given().auth().oauth2(service()).contentType(ContentType.JSON).body(Map.of("tickets", java.util.List.of()))
                .when().post("/api/v1/citizen/contact-batches").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(org.hamcrest.Matchers.containsString("tickets")));
        given().auth().oauth2(service()).contentType(ContentType.JSON)
                .body(Map.of("tickets", java.util.List.of(Map.of("ticketId", "not-a-uuid"))))
                .when().post("/api/v1/citizen/contact-batches").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void progressIsReadWithTheLinkTokenOnly() {
        String phone = Tickets.freshPhone();
        Response created = Tickets.post(Tickets.simple(phone));
        String id = created.path("id");
        String number = created.path("number");
        String token = given().auth().oauth2(service()).when().post("/api/v1/citizen/tickets/" + id + "/progress-links")
                .then().statusCode(201).extract().path("token");
        assertThat(token).matches("[A-Za-z0-9_-]{22}");

        Response progress = given().accept(ContentType.JSON).when().get("/api/v1/progress/" + token);
        progress.then().statusCode(200).body("number", equalTo(number)).body("status", equalTo("ACCEPTED"))
                .body("categoryName", equalTo("噪声扰民"));
        assertThat(progress.asString()).doesNotContain(phone).doesNotContain("张三").doesNotContain("****");
        // A phone browser (Accept: text/html) gets the same as a page.
        String page = given().accept(ContentType.HTML).when().get("/api/v1/progress/" + token).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html")).extract().asString();
        assertThat(page).contains("工单办理进度").contains(number).contains("已受理").contains("噪声扰民")
                .doesNotContain(phone).doesNotContain("****").doesNotContain("张三");

        // A wrong token (well-formed, never issued) finds nothing; a malformed one is a 400 naming the field.
        String wrong = token.charAt(0) == 'A' ? "B" + token.substring(1) : "A" + token.substring(1);
        given().accept(ContentType.JSON).when().get("/api/v1/progress/" + wrong).then().statusCode(404).contentType("application/problem+json");
        given().accept(ContentType.JSON).when().get("/api/v1/progress/" + number).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("token"));
        // Staff still find it by number with a JWT; nobody does without one.
        given().when().get("/api/v1/tickets/by-number/" + number).then().statusCode(401);
        // A second link works beside the first (each SMS send may issue its own).
        String second = given().auth().oauth2(service()).when().post("/api/v1/citizen/tickets/" + id + "/progress-links")
                .then().statusCode(201).extract().path("token");
        assertThat(second).isNotEqualTo(token);
        given().accept(ContentType.JSON).when().get("/api/v1/progress/" + second).then().statusCode(200).body("number", equalTo(number));
        given().accept(ContentType.JSON).when().get("/api/v1/progress/" + token).then().statusCode(200);
    }

    @Test
    void aSurveyReplyIsRecordedAsTheFollowUpClosedBySms() {
        String phone = Tickets.freshPhone();
        String id = Tickets.create(Tickets.simple(phone));
        String dispatch = UUID.randomUUID().toString();
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, id, dispatch, "U-sms");
            Dispatches.publish(bootstrap, EventTypes.DISPATCH_COMPLETED, id, dispatch, "U-sms");
            TicketAwaitingFollowUp awaiting = EventCodec.decode(probe.await(EventTypes.TICKET_AWAITING_FOLLOW_UP,
                    e -> id.equals(e.subject()), BOUND), TicketAwaitingFollowUp.class);
            assertThat(awaiting.dispatchId()).isEqualTo(dispatch);
            assertThat(new String(EventCodec.encode(awaiting), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(phone);
        }
        TicketLifecycleTest.awaitStatus(id, "AWAITING_FOLLOWUP");
        String reply = "/api/v1/citizen/tickets/" + id + "/survey-reply";

        given().auth().oauth2(service()).contentType(ContentType.JSON).body(Map.of("phone", phone, "satisfaction", "2"))
                .when().post(reply).then().statusCode(400).body("errors.field", hasItem("satisfaction"));
        given().auth().oauth2(service()).contentType(ContentType.JSON).body(Map.of("phone", "1234", "satisfaction", "SATISFIED"))
                .when().post(reply).then().statusCode(400).body("errors.field", hasItem("phone"));
        given().auth().oauth2(service()).contentType(ContentType.JSON)
                .body(Map.of("phone", Tickets.freshPhone(), "satisfaction", "SATISFIED"))
                .when().post(reply).then().statusCode(404);
        given().auth().oauth2(TestJwt.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("phone", phone, "satisfaction", "SATISFIED")).when().post(reply).then().statusCode(403);
        assertThat(TicketLifecycleTest.status(id)).isEqualTo("AWAITING_FOLLOWUP");

        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            given().auth().oauth2(service()).contentType(ContentType.JSON)
                    .body(Map.of("phone", phone, "satisfaction", Satisfaction.BASICALLY_SATISFIED.name()))
                    .when().post(reply).then().statusCode(200).body("satisfaction", equalTo("BASICALLY_SATISFIED"))
                    .body("status", equalTo("CLOSED"));
            TicketClosed closed = EventCodec.decode(probe.await(EventTypes.TICKET_CLOSED, e -> id.equals(e.subject()), BOUND),
                    TicketClosed.class);
            assertThat(closed.closedBy()).isEqualTo("SMS");
            assertThat(closed.satisfaction()).isEqualTo("BASICALLY_SATISFIED");
            assertThat(closed.resolution()).as("the SMS survey does not ask whether it was resolved").isNull();
        }
        given().auth().oauth2(TestJwt.token("operator")).when().get("/api/v1/tickets/" + id + "/trail").then().statusCode(200)
                .body("find { it.action == 'CLOSED' }.actor", equalTo("SMS"));
        // The survey is over: a second reply (or an operator's call) is a conflict.
        given().auth().oauth2(service()).contentType(ContentType.JSON).body(Map.of("phone", phone, "satisfaction", "SATISFIED"))
                .when().post(reply).then().statusCode(409);
    }

    @Test
    void optOutAtIntakeCoversTheTicketAndTdCoversTheNumber() {
        String phone = Tickets.freshPhone();
        Map<String, Object> body = Tickets.simple(phone);
        body.put("caller", Map.of("name", "李四", "phone", phone, "smsOptOut", true));
        String optedAtIntake = Tickets.create(body);
        given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + optedAtIntake).then().statusCode(200)
                .body("caller.smsOptOut", equalTo(true));
        assertThat(optedOut(optedAtIntake)).isTrue();
        String sameCallerLater = Tickets.create(Tickets.simple(phone));
        assertThat(optedOut(sameCallerLater)).as("the intake choice was for that ticket only").isFalse();

        given().auth().oauth2(service()).contentType(ContentType.JSON).body(Map.of("phone", "abc"))
                .when().post("/api/v1/citizen/opt-outs").then().statusCode(400).body("errors.field", hasItem("phone"));
        given().auth().oauth2(service()).contentType(ContentType.JSON).body(Map.of("phone", phone))
                .when().post("/api/v1/citizen/opt-outs").then().statusCode(204);
        given().auth().oauth2(service()).contentType(ContentType.JSON).body(Map.of("phone", phone))
                .when().post("/api/v1/citizen/opt-outs").then().statusCode(204);
        assertThat(optedOut(sameCallerLater)).isTrue();
        assertThat(optedOut(Tickets.create(Tickets.simple(phone)))).as("and for the number's next tickets").isTrue();
        assertThat(optedOut(Tickets.create(Tickets.simple(Tickets.freshPhone())))).isFalse();
    }

    private static boolean optedOut(String id) {
        return given().auth().oauth2(service()).when().get("/api/v1/citizen/tickets/" + id + "/contact").then().statusCode(200)
                .extract().path("optedOut");
    }
}
