package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventTypes;
import cn.hotline.notify.TestEvents.Ticket;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The urgent sign ladder: dispatch → 50 % → breach (handler + leader) → +5 min commander → +30 min case leader. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class LadderTest extends NotifyTestBase {

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void eachLevelReachesItsPeopleExactlyOnceEvenWhenTheBreachIsDeliveredTwice() {
        String unit = id("U");
        String county = "33T" + UUID.randomUUID().toString().substring(0, 5);
        String handler = id("h");
        String leader = id("l");
        String commander = id("c");
        String caseLeader = id("k");
        String handlerPhone = RoutingStub.phone();
        String leaderPhone = RoutingStub.phone();
        String commanderPhone = RoutingStub.phone();
        String caseLeaderPhone = RoutingStub.phone();
        routing.person(handler, handlerPhone, unit, "handler");
        routing.unit(unit, RoutingStub.personJson(leader, leaderPhone, unit, "leader"));
        routing.commanders(county, RoutingStub.personJson(commander, commanderPhone, "CMD", "commander"));
        routing.person(caseLeader, caseLeaderPhone, "GOV", "leader");
        Ticket base = Ticket.fresh(unit, handler, "URGENT", "安吉县昌硕街道");
        Ticket t = new Ticket(base.ticketId(), base.number(), base.dispatchId(), unit, handler, "URGENT", county, base.address());

        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));
        await().until(() -> smsc.to(handlerPhone), l -> l.size() == 1);

        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_WARNING, t, "URGENT", "SIGN", 50, TestClock.get().instant()));
        await().until(() -> texts(smsc.to(handlerPhone)), l -> l.size() == 2 && l.get(1).contains("时限预警"));

        double duplicatesBefore = duplicates();
        CloudEvent breach = TestEvents.sla(EventTypes.SLA_BREACHED, t, "URGENT", "SIGN", 100, TestClock.get().instant());
        CloudEvent sameBreachOtherId = new CloudEvent(UUID.randomUUID().toString(), breach.source(), breach.type(),
                breach.subject(), breach.time(), breach.data());
        EventProbe.publish(bootstrap, breach);
        EventProbe.publish(bootstrap, breach);
        EventProbe.publish(bootstrap, sameBreachOtherId);
        await().until(() -> texts(smsc.to(handlerPhone)), l -> l.size() == 3 && l.get(2).contains("超时告警"));
        await().until(() -> smsc.to(leaderPhone), l -> l.size() == 1);
        await().until(() -> duplicates() > duplicatesBefore && processed(sameBreachOtherId.id()));

        CloudEvent leaderAssigned = TestEvents.dispatch(EventTypes.DISPATCH_LEADER_ASSIGNED, t, TestClock.get().instant(), caseLeader);
        EventProbe.publish(bootstrap, leaderAssigned);
        await().until(() -> processed(leaderAssigned.id()));
        assertThat(smsc.to(commanderPhone)).as("the commander level waits 5 minutes").isEmpty();

        TestClock.get().advance(Duration.ofMinutes(5));
        await().until(() -> texts(smsc.to(commanderPhone)), l -> l.size() == 1 && l.get(0).contains("升级提醒"));
        assertThat(smsc.to(caseLeaderPhone)).as("the case leader level waits 30 minutes").isEmpty();

        TestClock.get().advance(Duration.ofMinutes(25));
        await().until(() -> smsc.to(caseLeaderPhone), l -> l.size() == 1);

        assertThat(smsc.to(handlerPhone)).hasSize(3);
        assertThat(smsc.to(leaderPhone)).hasSize(1);
        assertThat(smsc.to(commanderPhone)).hasSize(1);
        List<Map<String, Object>> log = await().until(() -> audit(t.ticketId()), l -> l.size() == 6);
        assertThat(log).extracting(r -> r.get("level")).containsExactly(1, 2, 3, 3, 4, 5);
        assertThat(log).extracting(r -> r.get("level") + ":" + r.get("recipientRole")).containsExactlyInAnyOrder(
                "1:HANDLER", "2:HANDLER", "3:HANDLER", "3:UNIT_LEADER", "4:COMMANDER", "5:CASE_LEADER");
    }

    @Test
    void anAcknowledgementStopsEveryLaterLevel() {
        String unit = id("U");
        String county = "33A" + UUID.randomUUID().toString().substring(0, 5);
        String handler = id("h");
        String handlerPhone = RoutingStub.phone();
        String commanderPhone = RoutingStub.phone();
        routing.person(handler, handlerPhone, unit, "handler");
        routing.unit(unit, "null");
        routing.commanders(county, RoutingStub.personJson(id("c"), commanderPhone, "CMD", "commander"));
        Ticket base = Ticket.fresh(unit, handler, "URGENT", "安吉县孝丰镇");
        Ticket t = new Ticket(base.ticketId(), base.number(), base.dispatchId(), unit, handler, "URGENT", county, base.address());

        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_BREACHED, t, "URGENT", "SIGN", 100, TestClock.get().instant()));
        List<Map<String, Object>> log = await().until(() -> audit(t.ticketId()), l -> l.size() == 1 && l.get(0).get("sentAt") != null);
        String notificationId = (String) log.get(0).get("id");

        // Another unit's handler cannot stop this reminder ladder: the notification is not theirs to see.
        io.restassured.RestAssured.given().auth().oauth2(cn.hotline.testsupport.TestJwt.handler(id("other"), id("OTHER")))
                .when().post("/api/v1/notifications/" + notificationId + "/ack").then().statusCode(404);
        io.restassured.RestAssured.given().auth().oauth2(cn.hotline.testsupport.TestJwt.handler(handler, unit))
                .when().post("/api/v1/notifications/" + notificationId + "/ack").then().statusCode(200);
        TestClock.get().advance(Duration.ofMinutes(31));
        // A fresh level due now for another ticket proves the worker ran past the cancelled ones.
        Ticket other = Ticket.fresh(unit, handler, "NORMAL", "安吉县孝丰镇");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, other, TestClock.get().instant(), null));
        await().until(() -> audit(other.ticketId()), l -> l.size() == 1 && l.get(0).get("sentAt") != null);

        assertThat(smsc.to(commanderPhone)).isEmpty();
        assertThat(audit(t.ticketId())).hasSize(1);
    }

    @Test
    void aChainReplacedHereIsUsedByTheVeryNextTriggerThoughChainsAreKeptInMemory() {
        String unit = id("U");
        String county = "33C" + UUID.randomUUID().toString().substring(0, 5);
        String handler = id("h");
        String leaderPhone = RoutingStub.phone();
        String commanderPhone = RoutingStub.phone();
        routing.person(handler, RoutingStub.phone(), unit, "handler");
        routing.unit(unit, RoutingStub.personJson(id("l"), leaderPhone, unit, "leader"));
        routing.commanders(county, RoutingStub.personJson(id("c"), commanderPhone, "CMD", "commander"));
        String policy = "CACHE" + UUID.randomUUID().toString().substring(0, 6);
        Ticket first = Ticket.fresh(unit, handler, "NORMAL", "安吉县孝丰镇");
        Ticket before = new Ticket(first.ticketId(), first.number(), first.dispatchId(), unit, handler, "NORMAL", county, first.address());
        // No chain of its own yet: the breach takes (*, SIGN), which tells the unit leader; the chains are now cached.
        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_BREACHED, before, policy, "SIGN", 100, TestClock.get().instant()));
        await().until(() -> audit(before.ticketId()), l -> l.size() == 1);
        assertThat(audit(before.ticketId()).get(0).get("templateCode")).isEqualTo("SLA_BREACHED");

        io.restassured.RestAssured.given().auth().oauth2(cn.hotline.testsupport.TestJwt.token("admin"))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("policyCode", policy, "stage", "SIGN", "levels", List.of(Map.of("level", 1, "trigger", "BREACHED",
                        "recipients", List.of("COMMANDER"), "template", "SLA_ESCALATED"))))
                .when().put("/api/v1/escalation-chains/" + policy + "/SIGN").then().statusCode(200);
        Ticket second = Ticket.fresh(unit, handler, "NORMAL", "安吉县孝丰镇");
        Ticket after = new Ticket(second.ticketId(), second.number(), second.dispatchId(), unit, handler, "NORMAL", county, second.address());
        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_BREACHED, after, policy, "SIGN", 100, TestClock.get().instant()));
        await().until(() -> audit(after.ticketId()), l -> !l.isEmpty());
        // The stale (*, SIGN) chain would have scheduled the unit leader's SLA_BREACHED (those rows would stay).
        assertThat(audit(after.ticketId())).extracting(row -> row.get("templateCode")).containsOnly("SLA_ESCALATED");
    }

    private boolean processed(String eventId) {
        return pool.preparedQuery("select count(*) from processed_event where event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) > 0;
    }

    private double duplicates() {
        var counter = registry.find("hotline.events.duplicates").tag("consumer", "notify-sla").counter();
        return counter == null ? 0 : counter.count();
    }
}
