package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.UnitRef;
import cn.hotline.notify.TestEvents.Ticket;
import cn.hotline.notify.client.DirectoryClient;
import cn.hotline.support.security.Masking;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every dispatch action someone must act on reaches them: a queued urgent ticket the duty dispatcher, a return
 * the dispatcher (and the returning unit hears no more), an escalation the higher level's commander and the case
 * leader, an extension the supervisor and then the handler, a cancellation the unit, an assisting unit its own
 * dispatch SMS, and an SMS no gateway could take the duty dispatcher.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class DispatchLoopSmsTest extends NotifyTestBase {

    @Test
    void anUrgentQueuedTicketReachesTheDutyDispatcherAtOnce() {
        String commander = commanderOf("330523");
        Ticket t = Ticket.fresh(id("U"), null, "URGENT", "安吉县昌硕街道");
        EventProbe.publish(bootstrap, event(EventTypes.DISPATCH_QUEUED, t, "UNASSIGNED", null, null, null));
        assertThat(texts(await().until(() -> sentToRole(t.ticketId(), "COMMANDER"), l -> !l.isEmpty())).get(0))
                .startsWith("【湖州12345】人工派单提醒").contains(t.number());
        Ticket normal = Ticket.fresh(id("U"), null, "NORMAL", "安吉县昌硕街道");
        EventProbe.publish(bootstrap, event(EventTypes.DISPATCH_QUEUED, normal, "UNASSIGNED", null, null, null));
        // An ordinary queued ticket is timed (sla's QUEUE stage) and reaches the dispatcher only on breach.
        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_BREACHED, normal, "MANUAL_QUEUE", "QUEUE", 100,
                TestClock.get().instant()));
        await().until(() -> texts(sentToRole(normal.ticketId(), "COMMANDER")), l -> l.stream().anyMatch(x -> x.contains(normal.number())
                && x.contains("人工派单已超过时限")));
        assertThat(texts(sentToRole(normal.ticketId(), "COMMANDER"))).filteredOn(x -> x.contains(normal.number())).hasSize(1);
    }

    @Test
    void aReturnTellsTheDispatcherWhyAndTheUnitHearsNoMoreReminders() {
        String commander = commanderOf("330523");
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        Ticket t = Ticket.fresh(unit, handler, "NORMAL", "安吉县递铺街道");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));
        await().until(() -> sentTo(t.ticketId(), phone), l -> l.size() == 1);
        EventProbe.publish(bootstrap, event(EventTypes.DISPATCH_RETURNED, t, "RETURNED", "NOT_OUR_JURISDICTION", "不属本局", null));
        assertThat(await().until(() -> texts(sentToRole(t.ticketId(), "COMMANDER")), l -> l.stream().anyMatch(x -> x.contains(t.number()))))
                .filteredOn(x -> x.contains(t.number())).first().asString().contains("退单提醒").contains("非本单位职责")
                .contains("不属本局");
        // A late SIGN warning for the returned dispatch reaches nobody.
        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_WARNING, t, "NORMAL", "SIGN", 50, TestClock.get().instant()));
        Ticket marker = Ticket.fresh(unit, handler, "NORMAL", "安吉县递铺街道");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, marker, TestClock.get().instant(), null));
        await().until(() -> texts(sentTo(marker.ticketId(), phone)), l -> l.stream().anyMatch(x -> x.contains(marker.number())));
        assertThat(texts(sentTo(t.ticketId(), phone))).noneMatch(x -> x.contains(t.number()) && x.contains("时限预警"));
    }

    @Test
    void anEscalationReachesTheHigherLevelsDutyLeaderAndTheCaseLeader() {
        String county = commanderOf("330523");
        String city = commanderOf("3305");
        String leader = id("lead");
        String leaderPhone = RoutingStub.phone();
        routing.person(leader, leaderPhone, "330523-GOV", "leader");
        Ticket t = Ticket.fresh(id("U"), id("p"), "NORMAL", "安吉县孝丰镇");
        EventProbe.publish(bootstrap, escalated(t, 1, leader));
        List<Map<String, Object>> first = await().until(() -> escalationSms(t, 1), l -> !l.isEmpty());
        await().until(() -> texts(sentTo(t.ticketId(), leaderPhone)), l -> l.stream().anyMatch(x -> x.contains("提级督办")));
        EventProbe.publish(bootstrap, escalated(t, 2, leader));
        List<Map<String, Object>> second = await().until(() -> escalationSms(t, 2), l -> !l.isEmpty());
        await().until(() -> texts(sentTo(t.ticketId(), leaderPhone)), l -> l.size() == 2);
        // Level 1 goes to the county's duty commander, level 2 to the city's: another person, not the same one twice.
        assertThat(first).extracting(r -> r.get("recipientPhone")).containsExactly(Masking.phone(county));
        assertThat(second).extracting(r -> r.get("recipientPhone")).containsExactly(Masking.phone(city));
        assertThat(second.get(0).get("recipientId")).isNotNull().isNotEqualTo(first.get(0).get("recipientId"));
    }

    @Test
    void anExtensionRequestReachesTheSupervisorAndTheDecisionTheHandler() {
        String supervisor = RoutingStub.phone();
        routing.supervisors("330523", RoutingStub.personJson(id("sup"), supervisor, "330523-CC", "supervisor"));
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        Ticket t = Ticket.fresh(unit, handler, "NORMAL", "安吉县溪龙乡");
        EventProbe.publish(bootstrap, event(EventTypes.DISPATCH_EXTENSION_REQUESTED, t, "SIGNED", null, "需第三方检测", "P5D"));
        assertThat(texts(await().until(() -> sentTo(t.ticketId(), supervisor), l -> !l.isEmpty())).get(0))
                .contains("延期申请").contains("P5D").contains("需第三方检测");
        EventProbe.publish(bootstrap, decided(t, true));
        await().until(() -> texts(sentTo(t.ticketId(), phone)), l -> l.stream().anyMatch(x -> x.contains("延期审批结果") && x.contains("已批准")));
    }

    @Test
    void aCancelledDispatchTellsTheUnitAndStopsItsLaterLevels() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        routing.unit(unit, RoutingStub.personJson(id("ldr"), RoutingStub.phone(), unit, "leader"));
        Ticket t = Ticket.fresh(unit, handler, "URGENT", "安吉县梅溪镇");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));
        await().until(() -> sentTo(t.ticketId(), phone), l -> l.size() == 1);
        EventProbe.publish(bootstrap, event(EventTypes.DISPATCH_CANCELLED, t, "CANCELLED", "TRANSFERRED_OUT", "transferred out to 110", null));
        await().until(() -> texts(sentTo(t.ticketId(), phone)), l -> l.stream().anyMatch(x -> x.contains("撤单通知") && x.contains("已移交110")));
        // A breach that sla had already due: the cancelled dispatch's levels are stopped.
        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_BREACHED, t, "URGENT", "SIGN", 100, TestClock.get().instant()));
        Ticket marker = Ticket.fresh(unit, handler, "URGENT", "安吉县梅溪镇");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, marker, TestClock.get().instant(), null));
        await().until(() -> texts(sentTo(marker.ticketId(), phone)), l -> l.stream().anyMatch(x -> x.contains(marker.number())));
        assertThat(texts(sentTo(t.ticketId(), phone))).noneMatch(x -> x.contains(t.number()) && x.contains("超时告警"));
    }

    @Test
    void eachAssistingUnitGetsItsOwnDispatchSms() {
        String lead = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, lead, "handler");
        String[] assisting = {id("A"), id("A")};
        String[] phones = {RoutingStub.phone(), RoutingStub.phone()};
        for (int i = 0; i < 2; i++) {
            routing.onDuty(assisting[i], RoutingStub.personJson(id("on"), phones[i], assisting[i], "handler"));
        }
        Ticket t = Ticket.fresh(lead, handler, "URGENT", "安吉县昌硕街道");
        EventProbe.publish(bootstrap, withAssisting(t, assisting));
        for (String p : phones) {
            assertThat(texts(await().until(() -> sentTo(t.ticketId(), p), l -> !l.isEmpty())).get(0))
                    .startsWith("【湖州12345】协办通知").contains(t.number()).contains("安吉县综合行政执法局主办");
        }
        assertThat(texts(await().until(() -> sentTo(t.ticketId(), phone), l -> !l.isEmpty())).get(0)).contains("派单通知");
        // The second unit's SIGN warning is its own: the first unit's signature does not stop it.
        EventProbe.publish(bootstrap, assistSigned(t, assisting[0]));
        EventProbe.publish(bootstrap, assistSla(t, assisting[1]));
        await().until(() -> texts(sentTo(t.ticketId(), phones[1])), l -> l.stream().anyMatch(x -> x.contains("协办签收剩余")));
    }

    @Test
    void anSmsNoGatewayTakesAlertsTheDutyDispatcher() {
        String commander = commanderOf("330523");
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        routing.wiremock().register(post(urlEqualTo("/sms/send")).withRequestBody(containing(phone)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"illegal\"}")));
        Ticket t = Ticket.fresh(unit, handler, "URGENT", "安吉县杭垓镇");
        smsc.stopSmpp();
        try {
            await().until(() -> route().startsWith("HTTP"));
            EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));
            await().until(() -> audit(t.ticketId()), l -> !l.isEmpty() && Integer.valueOf(1).equals(l.get(0).get("attempts")));
            TestClock.get().advance(Duration.ofMinutes(1));
            await().until(() -> audit(t.ticketId()), l -> Integer.valueOf(2).equals(l.get(0).get("attempts")));
            TestClock.get().advance(Duration.ofMinutes(2));
            List<Map<String, Object>> rows = await().until(() -> audit(t.ticketId()),
                    l -> l.stream().anyMatch(r -> "DELIVERY_FAILED".equals(r.get("templateCode"))));
            Map<String, Object> alert = rows.stream().filter(r -> "DELIVERY_FAILED".equals(r.get("templateCode"))).findFirst().orElseThrow();
            assertThat((String) alert.get("text")).contains("短信未送达").contains(t.number()).contains(handler);
            assertThat(alert.get("recipientRole")).isEqualTo("COMMANDER");
        } finally {
            smsc.startSmpp();
        }
        // The other tests read what the SMSC got: SMPP must carry the messages again.
        await().until(() -> route().equals("SMPP"));
    }

    private static String route() {
        List<Map<String, Object>> checks = io.restassured.RestAssured.given().when().get("/q/health/ready").then()
                .extract().jsonPath().getList("checks");
        return checks.stream().filter(c -> "sms-gateways".equals(c.get("name")))
                .map(c -> String.valueOf(((Map<?, ?>) c.get("data")).get("route"))).findFirst().orElse("none");
    }

    /** What notify sent for the ticket to {@code phone}, by whichever gateway (the audit, masked phone). */
    private static List<Map<String, Object>> sentTo(String ticketId, String phone) {
        String masked = cn.hotline.support.security.Masking.phone(phone);
        return audit(ticketId).stream().filter(r -> masked.equals(r.get("recipientPhone")))
                .filter(r -> !"CANCELLED".equals(r.get("status"))).toList();
    }

    /**
     * What went to the duty commander: notify's directory client answers from its snapshot while its circuit is
     * open (other tests ask for units nobody stubbed), so the commander's phone may be an earlier test's.
     */
    private static List<Map<String, Object>> sentToRole(String ticketId, String role) {
        return audit(ticketId).stream().filter(r -> role.equals(r.get("recipientRole")))
                .filter(r -> !"CANCELLED".equals(r.get("status"))).toList();
    }

    /** The escalation SMS of {@code level} that went to a duty commander. */
    private static List<Map<String, Object>> escalationSms(Ticket t, int level) {
        return sentToRole(t.ticketId(), "COMMANDER").stream().filter(r -> ((String) r.get("text")).contains(t.number())
                && ((String) r.get("text")).contains("提级督办") && ((String) r.get("text")).contains("第" + level + "级")).toList();
    }

    /** One duty commander per territory for the whole class: notify's directory client caches who is on duty. */
    private static final Map<String, String> COMMANDERS = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    DirectoryClient directory;

    /**
     * The territory's duty commander, stubbed once per class. Redis keeps the directory snapshot between runs, so
     * until routing's answer for this one has been remembered the client (its circuit open) could still serve an
     * earlier run's commander: wait until the directory answers with this one.
     */
    private String commanderOf(String territory) {
        String phone = COMMANDERS.computeIfAbsent(territory, code -> {
            String p = RoutingStub.phone();
            routing.commanders(code, RoutingStub.personJson(id("cmd"), p, code + "-CC", "commander"));
            return p;
        });
        await().ignoreExceptions().until(() -> directory.commanders(territory, TestClock.get().instant()),
                l -> l.stream().anyMatch(p -> phone.equals(p.phone())));
        return phone;
    }

    private static CloudEvent event(String type, Ticket t, String state, String reasonCode, String note, String extension) {
        return wrap(type, t, payload(t, state, List.of(), t.unitCode(), 0, reasonCode, note, extension, null, null));
    }

    private static CloudEvent escalated(Ticket t, int level, String caseLeader) {
        return wrap(EventTypes.DISPATCH_ESCALATED, t, payload(t, "ASSIGNED", List.of(), t.unitCode(), level, null,
                "群众多次反映", null, null, caseLeader));
    }

    private static CloudEvent decided(Ticket t, boolean approved) {
        return wrap(EventTypes.DISPATCH_EXTENSION_DECIDED, t, payload(t, "SIGNED", List.of(), t.unitCode(), 0, null,
                "需第三方检测", "P5D", approved, null));
    }

    private static CloudEvent withAssisting(Ticket t, String[] units) {
        return wrap(EventTypes.DISPATCH_ASSIGNED, t, payload(t, "ASSIGNED",
                java.util.Arrays.stream(units).map(u -> new UnitRef(u, "协办" + u)).toList(), t.unitCode(), 0, null, null,
                null, null, null));
    }

    private static CloudEvent assistSigned(Ticket t, String unit) {
        return wrap(EventTypes.DISPATCH_ASSIST_SIGNED, t, payload(t, "ASSIGNED", List.of(), unit, 0, null, null, null,
                null, null));
    }

    private static CloudEvent assistSla(Ticket t, String unit) {
        var payload = new cn.hotline.events.payload.SlaEvent(cn.hotline.events.payload.SlaEvent.SCHEMA_VERSION,
                "timer-" + t.dispatchId() + "-" + unit, t.ticketId(), t.number(), t.dispatchId(), "URGENT", "ASSIST_SIGN",
                "URGENT", unit, null, 50, null, TestClock.get().instant().plusSeconds(30), TestClock.get().instant(),
                TestClock.get().instant(), "PT30S", null, null, false);
        return new CloudEvent("sla:" + UUID.randomUUID(), "/hotline/sla-service", EventTypes.SLA_WARNING, t.ticketId(),
                TestClock.get().instant(), EventCodec.encode(payload));
    }

    private static DispatchEvent payload(Ticket t, String state, List<UnitRef> assisting, String acting, int level,
            String reasonCode, String note, String extension, Boolean approved, String caseLeader) {
        // Never after the frozen clock: a zero-delay level is due at the action's time, so a later one would never fire.
        Instant at = TestClock.get().instant();
        return new DispatchEvent(DispatchEvent.SCHEMA_VERSION, t.dispatchId(), t.ticketId(), t.number(), state,
                t.unitCode() == null ? "MANUAL" : "AUTO", new UnitRef(t.unitCode(), "安吉县综合行政执法局"), assisting, acting,
                t.handlerId(), level, t.urgency(), "COMPLAINT", "PHONE", "0202",
                new TerritoryRef(t.countyCode(), null, null, "POLYGON"), t.address(), "dispatcher-1", at, reasonCode, note,
                null, extension, approved, caseLeader, null, null);
    }

    private static CloudEvent wrap(String type, Ticket t, DispatchEvent payload) {
        return new CloudEvent(UUID.randomUUID().toString(), "/hotline/routing-service", type, t.ticketId(),
                payload.actionAt(), EventCodec.encode(payload));
    }
}
