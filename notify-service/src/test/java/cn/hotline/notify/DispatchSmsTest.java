package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.NotificationEvent;
import cn.hotline.notify.TestEvents.Ticket;
import cn.hotline.support.security.Masking;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

/** dispatch.assigned → SMS over real SMPP at the simulator, receipts, long UCS-2 texts, and the SMS reply that signs. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class DispatchSmsTest extends NotifyTestBase {

    @Inject
    JWTParser jwtParser;

    @ConfigProperty(name = "hotline.notify.field-link-base")
    String fieldLinkBase;

    @Test
    void dispatchAssignedReachesTheOnDutyHandlerAndItsReceiptIsRecorded() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        Ticket t = Ticket.fresh(unit, handler, "NORMAL", "安吉县天荒坪镇余村");

        try (EventProbe probe = EventProbe.open(bootstrap, Topics.NOTIFICATIONS)) {
            EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));

            List<Map<String, Object>> received = await().until(() -> smsc.to(phone), l -> !l.isEmpty());
            Map<String, Object> sms = received.get(0);
            assertThat((String) sms.get("text")).startsWith("【湖州12345】派单通知").contains(t.number()).contains("噪声扰民")
                    .contains("安吉县天荒坪镇余村").contains("回复1");
            assertThat(sms.get("dataCoding")).isEqualTo(8);

            List<Map<String, Object>> log = await().until(() -> audit(t.ticketId()),
                    l -> l.size() == 1 && "DELIVERED".equals(l.get(0).get("status")));
            Map<String, Object> row = log.get(0);
            assertThat(row.get("gateway")).isEqualTo("SMPP");
            assertThat(row.get("messageId")).isEqualTo(sms.get("id"));
            assertThat(row.get("receiptAt")).isNotNull();
            assertThat(row.get("recipientPhone")).isEqualTo(Masking.phone(phone));
            assertThat(row.get("recipientId")).isEqualTo(handler);
            assertThat(row.get("level")).isEqualTo(1);
            assertThat(row.get("templateCode")).isEqualTo("DISPATCH_ASSIGNED");
            assertThat(row.get("text")).isEqualTo(sms.get("text"));
            assertThat(row.get("segments")).isEqualTo(sms.get("segments"));

            var delivered = probe.await(EventTypes.NOTIFICATION_DELIVERED, e -> t.ticketId().equals(e.subject()),
                    java.time.Duration.ofSeconds(45));
            NotificationEvent payload = EventCodec.decode(delivered, NotificationEvent.class);
            assertThat(payload.recipientPhoneMasked()).isEqualTo(Masking.phone(phone));
            assertThat(new String(delivered.data())).doesNotContain(phone);
            assertThat(probe.events(EventTypes.NOTIFICATION_SENT, e -> t.ticketId().equals(e.subject()))).hasSize(1);
        }
    }

    @Test
    void theDispatchSmsCarriesTheFieldLinkRoutingIssuedForItsRecipient() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        Ticket t = Ticket.fresh(unit, handler, "NORMAL", "安吉县天荒坪镇余村");
        String token = "Lk" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        routing.fieldLink(t.dispatchId(), handler, token);

        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));

        List<Map<String, Object>> received = await().until(() -> smsc.to(phone), l -> !l.isEmpty());
        assertThat((String) received.get(0).get("text")).contains("处置：" + fieldLinkBase + token);
    }

    @Test
    void aLongChineseTextArrivesAsConcatenatedUcs2PartsThatReassemble() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        String address = "湖州市安吉县天荒坪镇余村村民委员会东侧约三百米处的竹制品加工厂院内，靠近县道旁的老桥头，"
                + "沿河往北第二排厂房后面的空地上，夜间持续有大型机械施工作业，噪声很大，附近居民反映已经持续一周以上，"
                + "影响老人和孩子休息，请尽快到现场核实处理并回复来电人。务必高度重视尽快妥善处理。";
        Ticket t = Ticket.fresh(unit, handler, "NORMAL", address);

        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));

        Map<String, Object> sms = await().until(() -> smsc.to(phone), l -> !l.isEmpty()).get(0);
        Map<String, Object> row = await().until(() -> audit(t.ticketId()), l -> l.size() == 1).get(0);
        String original = (String) row.get("text");
        assertThat(original).hasSize(200);
        assertThat(sms.get("text")).as("reassembled from its parts").isEqualTo(original);
        assertThat(sms.get("dataCoding")).isEqualTo(8);
        int expectedParts = 3;
        assertThat(sms.get("segments")).isEqualTo(expectedParts);
        assertThat((List<?>) sms.get("partIds")).hasSize(expectedParts);
        assertThat(row.get("segments")).isEqualTo(expectedParts);
        assertThat(row.get("encoding")).isEqualTo("UCS2");
        assertThat(row.get("length")).isEqualTo(original.length());
    }

    @Test
    void replyOneSignsOnRoutingForTheHandlerWithNotifysOwnIdentityStopsTheReminderLadderAndConfirms() throws Exception {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        Ticket t = Ticket.fresh(unit, handler, "URGENT", "安吉县递铺街道胜利西路");
        routing.signAccepted(t.dispatchId());
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));
        await().until(() -> smsc.to(phone), l -> l.size() == 1);

        smsc.mo(phone, "1");

        String signPath = "/api/v1/dispatches/" + t.dispatchId() + "/sign-by-reply";
        var requests = await().until(() -> routing.wiremock().find(postRequestedFor(urlEqualTo(signPath))), l -> !l.isEmpty());
        assertThat(requests).hasSize(1);
        String authorization = requests.get(0).getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        // notify's own token from the identity provider (the test issuer), not one minted for the handler:
        // the handler is named in the body and routing records the sign as theirs, via SMS reply.
        JsonWebToken jwt = jwtParser.parse(authorization.substring("Bearer ".length()));
        assertThat(jwt.getSubject()).isEqualTo("notify-service");
        assertThat(jwt.getGroups()).containsExactly("service");
        assertThat(jwt.getClaimNames()).doesNotContain("unit");
        assertThat(requests.get(0).getBodyAsString()).contains("\"personId\":\"" + handler + "\"");
        await().until(() -> texts(smsc.to(phone)), l -> l.stream().anyMatch(s -> s.contains("已为您签收工单" + t.number())));

        // The 50 % sign warning would be level 2; the ARRIVE warning after it proves it was processed.
        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_WARNING, t, "URGENT", "SIGN", 50,
                TestClock.get().instant().minusSeconds(2)));
        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_WARNING, t, "URGENT", "ARRIVE", 50,
                TestClock.get().instant().minusSeconds(1)));
        List<String> texts = await().until(() -> texts(smsc.to(phone)), l -> l.stream().anyMatch(s -> s.contains("到场剩余")));
        assertThat(texts).noneMatch(s -> s.contains("签收剩余"));
        assertThat(texts).hasSize(3);
        assertThat(audit(t.ticketId())).noneMatch(r -> "SIGN".equals(r.get("stage")) && Integer.valueOf(2).equals(r.get("level")));
    }

    @Test
    void anUnknownNumberGetsAShortHelpText() {
        String stranger = RoutingStub.phone();
        smsc.mo(stranger, "QS 0000");
        List<String> texts = await().until(() -> texts(smsc.to(stranger)), l -> !l.isEmpty());
        assertThat(texts).singleElement().satisfies(s -> assertThat(s).startsWith("【湖州12345】").contains("回复1"));
    }
}
