package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;
import cn.hotline.notify.TestEvents.Ticket;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The per-recipient rate limit (3 per hour in tests) and quiet hours (22:00–07:00) hold for non-urgent only. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class RateLimitAndQuietHoursTest extends NotifyTestBase {

    @Test
    void theRateLimitDefersNonUrgentMessagesButNotUrgentOnes() {
        String unit = id("U");
        String normalHandler = id("n");
        String urgentHandler = id("u");
        String normalPhone = RoutingStub.phone();
        String urgentPhone = RoutingStub.phone();
        routing.person(normalHandler, normalPhone, unit, "handler");
        routing.person(urgentHandler, urgentPhone, unit, "handler");
        List<Ticket> normal = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Ticket n = Ticket.fresh(unit, normalHandler, "NORMAL", "安吉县");
            Ticket u = Ticket.fresh(unit, urgentHandler, "URGENT", "安吉县");
            normal.add(n);
            EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_WARNING, n, "NORMAL", "CLOSE", 50, TestClock.get().instant()));
            EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_WARNING, u, "URGENT", "SIGN", 50, TestClock.get().instant()));
        }

        await().until(() -> smsc.to(urgentPhone), l -> l.size() == 5);
        await().until(() -> statuses(normal), s -> s.stream().filter("SENT_OR_DELIVERED"::equals).count() == 3
                && s.stream().filter("DEFERRED:rate limited"::equals).count() == 2);
        assertThat(smsc.to(normalPhone)).hasSize(3);
    }

    @Test
    void quietHoursHoldNonUrgentMessagesUntilMorningAndLetUrgentOnesThrough() {
        String unit = id("U");
        String normalHandler = id("n");
        String urgentHandler = id("u");
        String normalPhone = RoutingStub.phone();
        String urgentPhone = RoutingStub.phone();
        routing.person(normalHandler, normalPhone, unit, "handler");
        routing.person(urgentHandler, urgentPhone, unit, "handler");
        TestClock.get().set(Instant.parse("2026-11-23T15:30:00Z")); // 23:30 in Asia/Shanghai
        Ticket n = Ticket.fresh(unit, normalHandler, "NORMAL", "安吉县");
        Ticket u = Ticket.fresh(unit, urgentHandler, "URGENT", "安吉县");

        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_WARNING, n, "NORMAL", "CLOSE", 80, TestClock.get().instant()));
        EventProbe.publish(bootstrap, TestEvents.sla(EventTypes.SLA_WARNING, u, "URGENT", "SIGN", 50, TestClock.get().instant()));

        await().until(() -> smsc.to(urgentPhone), l -> l.size() == 1);
        Map<String, Object> held = await().until(() -> audit(n.ticketId()),
                l -> l.size() == 1 && "DEFERRED".equals(l.get(0).get("status"))).get(0);
        assertThat(held.get("error")).isEqualTo("quiet hours");
        assertThat(held.get("nextAttemptAt")).isEqualTo("2026-11-23T23:00:00Z"); // 07:00 in Asia/Shanghai
        assertThat(smsc.to(normalPhone)).isEmpty();

        TestClock.get().set(Instant.parse("2026-11-23T23:01:00Z"));
        await().until(() -> smsc.to(normalPhone), l -> l.size() == 1);
    }

    private static List<String> statuses(List<Ticket> tickets) {
        List<String> out = new ArrayList<>();
        for (Ticket t : tickets) {
            for (Map<String, Object> row : audit(t.ticketId())) {
                String status = (String) row.get("status");
                out.add("SENT".equals(status) || "DELIVERED".equals(status) ? "SENT_OR_DELIVERED" : status + ":" + row.get("error"));
            }
        }
        return out;
    }
}
