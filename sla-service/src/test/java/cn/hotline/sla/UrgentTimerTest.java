package cn.hotline.sla;

import cn.hotline.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The urgent ticket in real time, over real Kafka, PostgreSQL and Redis: a dispatch.assigned nobody signs
 * gives sla.warning at 30 s and 48 s and sla.breached at 60 s, each fired within 1 s of its due instant.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class UrgentTimerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    TestClock clock;

    @Test
    void anUnsignedUrgentDispatchWarnsAt30And48SecondsAndBreachesAt60() {
        clock.release();
        String ticket = SlaTestEvents.id();
        String dispatch = SlaTestEvents.id();
        Instant assigned = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.SLA)) {
            new SlaTestEvents(bootstrap).dispatch(EventTypes.DISPATCH_ASSIGNED, ticket, dispatch, "U-110", "URGENT",
                    "HELP", assigned);
            SlaEvent half = sign(probe.await(EventTypes.SLA_WARNING, e -> is(e, ticket, 50), Duration.ofSeconds(90)));
            SlaEvent eighty = sign(probe.await(EventTypes.SLA_WARNING, e -> is(e, ticket, 80), Duration.ofSeconds(90)));
            SlaEvent breach = sign(probe.await(EventTypes.SLA_BREACHED, e -> is(e, ticket, 100), Duration.ofSeconds(90)));

            assertThat(half.dueAt()).isEqualTo(assigned.plusSeconds(30));
            assertThat(eighty.dueAt()).isEqualTo(assigned.plusSeconds(48));
            assertThat(breach.dueAt()).isEqualTo(assigned.plusSeconds(60));
            assertThat(breach.deadline()).isEqualTo(assigned.plusSeconds(60));
            for (SlaEvent event : new SlaEvent[] {half, eighty, breach}) {
                assertThat(Duration.between(event.dueAt(), event.firedAt()))
                        .as("%s fired within 1 s of its due instant", event.thresholdPercent())
                        .isBetween(Duration.ZERO, Duration.ofSeconds(1));
                assertThat(event.late()).isFalse();
                assertThat(event.policyCode()).isEqualTo("URGENT");
                assertThat(event.unitCode()).isEqualTo("U-110");
                assertThat(event.dispatchId()).isEqualTo(dispatch);
                assertThat(event.handlerId()).isEqualTo("handler-U-110");
            }
            assertThat(half.remaining()).isEqualTo("PT30S");
            assertThat(eighty.remaining()).isEqualTo("PT12S");
            assertThat(probe.events(EventTypes.SLA_WARNING, e -> is(e, ticket, 50))).as("fired once").hasSize(1);
        }
    }

    private static boolean is(CloudEvent event, String ticket, int threshold) {
        SlaEvent payload = EventCodec.decode(event, SlaEvent.class);
        return ticket.equals(event.subject()) && "SIGN".equals(payload.stage())
                && Integer.valueOf(threshold).equals(payload.thresholdPercent());
    }

    private static SlaEvent sign(CloudEvent event) {
        return EventCodec.decode(event, SlaEvent.class);
    }
}
