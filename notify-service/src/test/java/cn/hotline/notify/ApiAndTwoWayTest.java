package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.events.payload.RepeatComplainantAlert;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.notify.TestEvents.Ticket;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Reminder-ladder API (/api/v1/escalation-chains), audit API validation, QS reply codes, alerts to staff, and the directory snapshot fallback. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class ApiAndTwoWayTest extends NotifyTestBase {

    @Test
    void escalationChainsAreSeededAndReplacedByAdministratorsOnly() {
        given().auth().oauth2(TestJwt.token("dispatcher")).when().get("/api/v1/escalation-chains").then().statusCode(200)
                .body("find { it.policyCode == 'URGENT' && it.stage == 'SIGN' }.levels.size()", equalTo(5))
                .body("find { it.policyCode == 'URGENT' && it.stage == 'SIGN' }.levels[3].delay", equalTo("PT5M"))
                .body("find { it.policyCode == 'URGENT' && it.stage == 'SIGN' }.levels[3].recipients", hasItem("COMMANDER"));

        String policy = "TEST" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> chain = Map.of("policyCode", policy, "stage", "SIGN", "levels", List.of(
                Map.of("level", 1, "trigger", "DISPATCHED", "recipients", List.of("HANDLER"), "template", "DISPATCH_ASSIGNED"),
                Map.of("level", 2, "trigger", "BREACHED", "delay", "PT10M", "recipients", List.of("COMMANDER"),
                        "template", "SLA_ESCALATED")));
        given().auth().oauth2(TestJwt.token("dispatcher")).contentType(ContentType.JSON).body(chain)
                .when().put("/api/v1/escalation-chains/" + policy + "/SIGN").then().statusCode(403);
        given().auth().oauth2(TestJwt.token("admin")).contentType(ContentType.JSON).body(chain)
                .when().put("/api/v1/escalation-chains/" + policy + "/SIGN").then().statusCode(200);
        given().auth().oauth2(TestJwt.token("admin")).when().get("/api/v1/escalation-chains").then().statusCode(200)
                .body("find { it.policyCode == '" + policy + "' }.levels[1].delay", equalTo("PT10M"));

        Map<String, Object> bad = Map.of("policyCode", policy, "stage", "SIGN", "levels", List.of(
                Map.of("level", 1, "trigger", "DISPATCHED", "recipients", List.of("HANDLER"), "template", "NO_SUCH")));
        given().auth().oauth2(TestJwt.token("admin")).contentType(ContentType.JSON).body(bad)
                .when().put("/api/v1/escalation-chains/" + policy + "/SIGN").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("levels[0].template"));
        given().auth().oauth2(TestJwt.token("admin")).when().get("/api/v1/escalation-chains").then()
                .body("find { it.policyCode == '" + policy + "' }.levels.size()", equalTo(2));
    }

    @Test
    void theAuditNeedsATicketIdAndAStaffRole() {
        given().auth().oauth2(TestJwt.token("dispatcher")).when().get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("ticketId"));
        given().auth().oauth2(TestJwt.token("operator")).queryParam("ticketId", "x")
                .when().get("/api/v1/notifications").then().statusCode(403);
    }

    @Test
    void aDeskKeptToATerritoryReadsOnlyTheLogOfItsOwnTickets() {
        String unit = id("U");
        String handler = id("p");
        routing.person(handler, RoutingStub.phone(), unit, "handler");
        Ticket t = Ticket.fresh(unit, handler, "NORMAL", "安吉县递铺街道");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));
        await().until(() -> audit(t.ticketId()), l -> !l.isEmpty());
        assertThat(auditAs(TestJwt.inTerritory("dispatcher", t.countyCode()), t.ticketId())).isNotEmpty();
        assertThat(auditAs(TestJwt.inTerritory("supervisor", "330502"), t.ticketId())).isEmpty();
        assertThat(auditAs(TestJwt.inTerritory("dispatcher", "330502001"), t.ticketId())).isEmpty();
    }

    private static List<Map<String, Object>> auditAs(String token, String ticketId) {
        return given().auth().oauth2(token).queryParam("ticketId", ticketId).when().get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void qsWithAReplyCodeSignsThatDispatchEvenWhenANewerOneExists() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        Ticket first = Ticket.fresh(unit, handler, "NORMAL", "安吉县递铺街道");
        Ticket second = Ticket.fresh(unit, handler, "NORMAL", "安吉县递铺街道");
        routing.signAccepted(first.dispatchId());
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, first, TestClock.get().instant(), null));
        await().until(() -> smsc.to(phone), l -> l.size() == 1);
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, second, TestClock.get().instant(), null));
        await().until(() -> smsc.to(phone), l -> l.size() == 2);
        Matcher code = Pattern.compile("QS (\\d{4})").matcher((String) smsc.to(phone).get(0).get("text"));
        assertThat(code.find()).isTrue();

        smsc.mo(phone, "ＱＳ " + code.group(1)); // full-width letters, as phones often send them

        await().until(() -> routing.wiremock().find(postRequestedFor(
                urlEqualTo("/api/v1/dispatches/" + first.dispatchId() + "/sign-by-reply"))), l -> l.size() == 1);
        await().until(() -> texts(smsc.to(phone)), l -> l.stream().anyMatch(s -> s.contains("已为您签收工单" + first.number())));
        assertThat(routing.wiremock().find(postRequestedFor(urlEqualTo("/api/v1/dispatches/" + second.dispatchId() + "/sign-by-reply"))))
                .isEmpty();
    }

    @ConfigProperty(name = "hotline.notify.alert-recipients")
    String staff;

    @Test
    void aRepeatComplainantAlertReachesTheConfiguredStaff() {
        String phone = RoutingStub.phone();
        routing.person(staff, phone, "CMD", "supervisor");
        String ticketId = id("t");
        RepeatComplainantAlert alert = new RepeatComplainantAlert(RepeatComplainantAlert.SCHEMA_VERSION, ticketId,
                "HZ20261123999999", "138****0000", "COUNT_IN_WINDOW", 4, 30, List.of(), new TerritoryRef("330523", null, null,
                "POLYGON"), TestClock.get().instant());
        EventProbe.publish(bootstrap, new CloudEvent(UUID.randomUUID().toString(), "/hotline/intake-service",
                EventTypes.ALERT_REPEAT_COMPLAINANT, ticketId, Instant.now(), EventCodec.encode(alert)));

        List<String> texts = await().until(() -> texts(smsc.to(phone)), l -> l.stream().anyMatch(s -> s.contains("HZ20261123999999")));
        assertThat(texts.get(0)).contains("重复投诉预警").contains("30天").contains("4次");
    }

    @Test
    void aHotwordSurgeAlertReachesTheConfiguredStaffOnce() {
        String phone = RoutingStub.phone();
        routing.person(staff, phone, "CMD", "supervisor");
        String keyword = "停水" + UUID.randomUUID().toString().substring(0, 4);
        HotwordSurgeAlert alert = new HotwordSurgeAlert(HotwordSurgeAlert.SCHEMA_VERSION, null, "330523108", "330523",
                keyword, "0601", 12, 1.5, TestClock.get().instant().minusSeconds(3600), TestClock.get().instant(),
                TestClock.get().instant());
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "/hotline/intake-service",
                EventTypes.ALERT_HOTWORD_SURGE, "hotword-330523108", Instant.now(), EventCodec.encode(alert));
        EventProbe.publish(bootstrap, event);
        EventProbe.publish(bootstrap, new CloudEvent(UUID.randomUUID().toString(), event.source(), event.type(),
                event.subject(), event.time(), event.data()));

        List<String> texts = await().until(() -> texts(smsc.to(phone)), l -> !l.isEmpty());
        assertThat(texts.get(0)).contains("热词预警").contains(keyword).contains("12件");
        // A later alert to the same person proves both copies above were consumed before we count.
        String ticketId = id("t");
        EventProbe.publish(bootstrap, new CloudEvent(UUID.randomUUID().toString(), "/hotline/intake-service",
                EventTypes.ALERT_REPEAT_COMPLAINANT, ticketId, Instant.now(), EventCodec.encode(new RepeatComplainantAlert(
                        RepeatComplainantAlert.SCHEMA_VERSION, ticketId, "HZ20261123888888", "138****0000", "COUNT_IN_WINDOW",
                        3, 30, List.of(), null, TestClock.get().instant()))));
        texts = await().until(() -> texts(smsc.to(phone)), l -> l.stream().anyMatch(s -> s.contains("HZ20261123888888")));
        assertThat(texts).filteredOn(s -> s.contains(keyword)).hasSize(1);
    }

    @Test
    void recipientsComeFromTheRedisSnapshotWhileRoutingFails() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        Ticket before = Ticket.fresh(unit, handler, "NORMAL", "安吉县");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, before, TestClock.get().instant(), null));
        await().until(() -> smsc.to(phone), l -> l.size() == 1);

        String path = "/api/v1/directory/people/" + handler;
        routing.wiremock().register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        int callsBefore = routing.wiremock().find(getRequestedFor(urlEqualTo(path))).size();
        Ticket during = Ticket.fresh(unit, handler, "NORMAL", "安吉县");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, during, TestClock.get().instant(), null));

        await().until(() -> smsc.to(phone), l -> l.size() == 2);
        assertThat((String) smsc.to(phone).get(1).get("text")).contains(during.number());
        assertThat(routing.wiremock().find(getRequestedFor(urlEqualTo(path))).size() - callsBefore)
                .as("routing was asked (and retried) before the snapshot answered").isGreaterThanOrEqualTo(2);
        routing.person(handler, phone, unit, "handler");
    }
}
