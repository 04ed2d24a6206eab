package cn.hotline.sla;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HostileInput;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The hostile-input corpus over every operation of sla-service's OpenAPI document: no 5xx, problem documents, nothing stored. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class HostileInputTest {

    @Test
    void hostileInputIsRefusedWithAProblemAndStoresNothing() {
        HostileInput.of("sla-service")
                .background("the timer consumers and the firing loop write these for the events and timers of earlier tests",
                        "sla_timer", "sla_firing", "kpi_dispatch", "kpi_ticket", "ended_ticket", "processed_event", "outbox_event")
                .check("access-matrix.tsv");
    }
}
