package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.NotificationEvent;
import cn.hotline.notify.TestEvents.Ticket;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** SMSC down → the cloud HTTP gateway carries the messages; SMSC back → jSMPP rebinds and SMPP is used again. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class GatewayFailoverTest extends NotifyTestBase {

    @Test
    void failsOverToHttpWhileTheSmscIsDownAndReturnsToSmppWhenItIsBack() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        await().until(() -> route().equals("SMPP"));

        smsc.stopSmpp();
        try {
            await().until(() -> route().startsWith("HTTP"));
            Ticket during = Ticket.fresh(unit, handler, "NORMAL", "安吉县灵峰街道");
            EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, during, TestClock.get().instant(), null));

            Map<String, Object> row = await().until(() -> audit(during.ticketId()),
                    l -> l.size() == 1 && "SENT".equals(l.get(0).get("status"))).get(0);
            assertThat(row.get("gateway")).isEqualTo("HTTP");
            assertThat(row.get("messageId")).isNotNull();
            var requests = routing.wiremock().find(postRequestedFor(urlEqualTo("/sms/send"))
                    .withRequestBody(containing("\"PhoneNumbers\":\"" + phone + "\"")));
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0).getBodyAsString()).contains("\"TemplateCode\":\"SMS_HOTLINE_DISPATCH\"")
                    .contains("\"SignName\":\"湖州12345\"").contains(during.number());
        } finally {
            smsc.startSmpp();
        }

        await().until(() -> route().equals("SMPP"));
        Ticket after = Ticket.fresh(unit, handler, "NORMAL", "安吉县灵峰街道");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, after, TestClock.get().instant(), null));
        List<Map<String, Object>> received = await().until(() -> smsc.to(phone), l -> l.size() == 1);
        assertThat((String) received.get(0).get("text")).contains(after.number());
        Map<String, Object> row = await().until(() -> audit(after.ticketId()), l -> l.size() == 1 && l.get(0).get("gateway") != null).get(0);
        assertThat(row.get("gateway")).isEqualTo("SMPP");
    }

    @Test
    void aThrottlingSmscMakesTheMessageFailOverAfterBackingOff() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        await().until(() -> route().equals("SMPP"));
        Ticket t = Ticket.fresh(unit, handler, "URGENT", "安吉县鄣吴镇");

        smsc.throttle(true);
        try {
            EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));
            Map<String, Object> row = await().until(() -> audit(t.ticketId()),
                    l -> l.size() == 1 && "SENT".equals(l.get(0).get("status"))).get(0);
            assertThat(row.get("gateway")).isEqualTo("HTTP");
        } finally {
            smsc.throttle(false);
        }
        assertThat(smsc.to(phone)).isEmpty();
    }

    @Test
    void aMessageNoGatewayTakesIsRetriedWithBackoffThenFailedWithItsEvent() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        // The cloud API refuses this number (a business answer, which opens no circuit) and the SMSC is down.
        routing.wiremock().register(post(urlEqualTo("/sms/send")).withRequestBody(containing(phone)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"illegal\"}")));
        Ticket t = Ticket.fresh(unit, handler, "URGENT", "安吉县上墅乡");
        smsc.stopSmpp();
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.NOTIFICATIONS)) {
            await().until(() -> route().startsWith("HTTP"));
            EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));

            Map<String, Object> first = await().until(() -> audit(t.ticketId()),
                    l -> l.size() == 1 && Integer.valueOf(1).equals(l.get(0).get("attempts"))).get(0);
            assertThat(first.get("status")).isEqualTo("DEFERRED");
            assertThat((String) first.get("error")).contains("isv.MOBILE_NUMBER_ILLEGAL");
            TestClock.get().advance(Duration.ofMinutes(1));
            await().until(() -> audit(t.ticketId()), l -> Integer.valueOf(2).equals(l.get(0).get("attempts")));
            TestClock.get().advance(Duration.ofMinutes(2));
            Map<String, Object> last = await().until(() -> audit(t.ticketId()), l -> "FAILED".equals(l.get(0).get("status"))).get(0);
            assertThat(last.get("attempts")).isEqualTo(3);

            var failed = probe.await(EventTypes.NOTIFICATION_FAILED, e -> t.ticketId().equals(e.subject()), Duration.ofSeconds(45));
            assertThat(EventCodec.decode(failed, NotificationEvent.class).status()).isEqualTo("FAILED");
            // The handler's message never went out; the duty dispatcher's "not delivered" alert for the same ticket may.
            assertThat(probe.events(EventTypes.NOTIFICATION_SENT, e -> t.ticketId().equals(e.subject())
                    && handler.equals(EventCodec.decode(e, NotificationEvent.class).recipientId()))).isEmpty();
        } finally {
            smsc.startSmpp();
        }
        await().until(() -> route().equals("SMPP"));
    }

    private static String route() {
        List<Map<String, Object>> checks = given().when().get("/q/health/ready").then().extract().jsonPath().getList("checks");
        return checks.stream().filter(c -> "sms-gateways".equals(c.get("name")))
                .map(c -> String.valueOf(((Map<?, ?>) c.get("data")).get("route"))).findFirst().orElse("none");
    }
}
