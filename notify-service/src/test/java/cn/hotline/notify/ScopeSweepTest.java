package cn.hotline.notify;

import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;
import cn.hotline.notify.TestEvents.Ticket;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.ScopeSweep;
import cn.hotline.testsupport.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A real dispatch SMS of a ticket in 安吉县 (330523): no GET shows it to another unit's handler or another county's desk. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class ScopeSweepTest extends NotifyTestBase {

    @Test
    void noGetShowsASeededTicketsMessagesOutsideItsUnitAndCounty() {
        String unit = id("U");
        String handler = id("p");
        String phone = RoutingStub.phone();
        routing.person(handler, phone, unit, "handler");
        Ticket t = Ticket.fresh(unit, handler, "NORMAL", "安吉县天荒坪镇余村");
        EventProbe.publish(bootstrap, TestEvents.dispatch(EventTypes.DISPATCH_ASSIGNED, t, TestClock.get().instant(), null));
        await().until(() -> audit(t.ticketId()), l -> !l.isEmpty());
        ScopeSweep.of("notify-service")
                .value("ticketId", t.ticketId())
                .marker(t.number()).marker(t.dispatchId())
                .owner(unit, t.countyCode())
                .check();
    }
}
