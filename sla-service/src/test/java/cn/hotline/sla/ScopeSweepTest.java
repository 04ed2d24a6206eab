package cn.hotline.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.ScopeSweep;
import cn.hotline.testsupport.TestClock;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Real timers of a dispatch in 安吉县 (330523): no GET shows them to another unit's handler or another county's desk. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class ScopeSweepTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void noGetShowsASeededDispatchsTimersOutsideItsUnitAndCounty() {
        String ticket = SlaTestEvents.id();
        String dispatch = SlaTestEvents.id();
        String unit = "U-SWEEP-" + dispatch.substring(0, 8);
        new SlaTestEvents(bootstrap).dispatch(EventTypes.DISPATCH_ASSIGNED, ticket, dispatch, unit, "NORMAL", "COMPLAINT",
                TestClock.get().instant());
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestJwt.token("dispatcher"))
                .get("/api/v1/tickets/" + ticket + "/sla").then().extract().jsonPath().getList("timers"), (List<Object> timers) -> timers != null && !timers.isEmpty());
        ScopeSweep.of("sla-service")
                .value("ticketId", ticket).value("county", SlaTestEvents.COUNTY)
                .marker(dispatch).marker(unit)
                .owner(unit, SlaTestEvents.COUNTY)
                .check();
    }
}
