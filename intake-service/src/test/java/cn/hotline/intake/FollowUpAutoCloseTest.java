package cn.hotline.intake;

import cn.hotline.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.TicketClosed;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A follow-up nobody answers closes by itself after the configured time (3 days), told by the clock. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class FollowUpAutoCloseTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void unansweredFollowUpClosesAutomatically() {
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        String dispatch = UUID.randomUUID().toString();
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, id, dispatch, "U-auto");
        Dispatches.publish(bootstrap, EventTypes.DISPATCH_COMPLETED, id, dispatch, "U-auto");
        TicketLifecycleTest.awaitStatus(id, "AWAITING_FOLLOWUP");
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            // Not yet due: two days later it still waits.
            TestClock.get().advance(Duration.ofDays(2));
            org.awaitility.Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> "AWAITING_FOLLOWUP".equals(TicketLifecycleTest.status(id)));
            TestClock.get().advance(Duration.ofDays(1).plusMinutes(1));
            TicketClosed closed = EventCodec.decode(probe.await(EventTypes.TICKET_CLOSED, e -> id.equals(e.subject()),
                    Duration.ofSeconds(60)), TicketClosed.class);
            assertThat(closed.closedBy()).isEqualTo("AUTO");
            assertThat(closed.resolution()).isNull();
        } finally {
            TestClock.get().reset();
        }
        assertThat(TicketLifecycleTest.status(id)).isEqualTo("CLOSED");
    }
}
