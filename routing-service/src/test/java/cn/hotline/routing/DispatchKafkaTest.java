package cn.hotline.routing;

import cn.hotline.testsupport.TestClock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.TicketMerged;
import cn.hotline.events.payload.TicketReopened;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** ticket.* in through the real Kafka broker → dispatch (and dispatch.assigned out), replays, merges, reopens. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class DispatchKafkaTest {

    private static EventProbe probe;

    @Inject
    MeterRegistry registry;

    static synchronized EventProbe probe() {
        if (probe == null) {
            probe = EventProbe.open(bootstrap(), Topics.DISPATCHES);
        }
        return probe;
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @AfterAll
    static synchronized void closeProbe() {
        if (probe != null) {
            probe.close();
            probe = null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.hotline.routing.DecisionCases#cases")
    void ticketCreatedOnKafkaIsDispatched(DecisionCases.Case c) {
        EventProbe events = probe();
        String ticketId = "T-" + UUID.randomUUID();
        EventProbe.publish(bootstrap(), Dispatches.ticketCreated(UUID.randomUUID().toString(), ticketId, c));
        List<Map<String, Object>> dispatches = Awaitility.await().atMost(Dispatches.KAFKA_BOUND)
                .until(() -> Dispatches.byTicket(ticketId), list -> !list.isEmpty());
        Map<String, Object> dispatch = dispatches.get(0);
        if (c.lead() == null) {
            assertThat(dispatch.get("queue")).isEqualTo("MANUAL");
            assertThat(dispatch.get("state")).isEqualTo("UNASSIGNED");
            assertThat(events.events(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()))).isEmpty();
            return;
        }
        CloudEvent assigned = events.await(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()),
                Dispatches.KAFKA_BOUND);
        DispatchEvent payload = EventCodec.decode(assigned, DispatchEvent.class);
        assertThat(payload.lead().unitCode()).as(String.valueOf(dispatch.get("explanation"))).isEqualTo(c.lead());
        assertThat(payload.assisting().stream().map(u -> u.unitCode()).toList()).isEqualTo(c.assisting());
        assertThat(payload.queue()).isEqualTo("AUTO");
        assertThat(payload.state()).isEqualTo("ASSIGNED");
        assertThat(payload.dispatchId()).isEqualTo(dispatch.get("id"));
        assertThat(payload.actionAt()).isNotNull();
        assertThat(payload.categoryCode()).isEqualTo(c.category());
        assertThat(dispatch.get("explanation").toString()).contains("rule R-");
    }

    @Test
    void theHandlerIsWhoeverIsOnDutyWhenTheTicketArrives() {
        EventProbe events = probe();
        String ticketId = "T-" + UUID.randomUUID();
        TestClock.get().set(Instant.parse("2026-11-23T14:30:00Z"));
        try {
            EventProbe.publish(bootstrap(), Dispatches.ticketCreated(UUID.randomUUID().toString(), ticketId,
                    DecisionCases.ALL.get(2)));
            DispatchEvent night = EventCodec.decode(events.await(EventTypes.DISPATCH_ASSIGNED,
                    e -> ticketId.equals(e.subject()), Dispatches.KAFKA_BOUND), DispatchEvent.class);
            assertThat(night.handlerId()).as("22:30 in Shanghai: the night shift").isEqualTo("330523-ENFORCEMENT-P3");
            assertThat(night.actionAt()).isEqualTo(Instant.parse("2026-11-23T14:30:00Z"));
        } finally {
            TestClock.get().reset();
        }
    }

    @Test
    void aReplayedOrResentTicketCreatedMakesNoSecondDispatch() {
        EventProbe events = probe();
        String ticketId = "T-" + UUID.randomUUID();
        DecisionCases.Case yucun = DecisionCases.ALL.get(0);
        CloudEvent created = Dispatches.ticketCreated(UUID.randomUUID().toString(), ticketId, yucun);
        EventProbe.publish(bootstrap(), created);
        events.await(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()), Dispatches.KAFKA_BOUND);

        double duplicatesBefore = duplicates();
        EventProbe.publish(bootstrap(), created);
        Awaitility.await().atMost(Dispatches.KAFKA_BOUND).until(() -> duplicates() > duplicatesBefore);
        CloudEvent resent = Dispatches.ticketCreated(UUID.randomUUID().toString(), ticketId, yucun);
        EventProbe.publish(bootstrap(), resent);
        // A merged marker on the same key (same partition, later offset) proves the resent event was handled.
        String marker = "T-" + UUID.randomUUID();
        EventProbe.publish(bootstrap(), merged(ticketId, marker));
        Awaitility.await().atMost(Dispatches.KAFKA_BOUND)
                .until(() -> "CANCELLED".equals(Dispatches.byTicket(ticketId).get(0).get("state")));

        assertThat(Dispatches.byTicket(ticketId)).hasSize(1);
        assertThat(events.events(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()))).hasSize(1);
    }

    @Test
    void ticketMergedCancelsTheDuplicatesOpenDispatch() {
        String duplicate = "T-" + UUID.randomUUID();
        EventProbe.publish(bootstrap(), Dispatches.ticketCreated(UUID.randomUUID().toString(), duplicate,
                DecisionCases.ALL.get(2)));
        Awaitility.await().atMost(Dispatches.KAFKA_BOUND).until(() -> !Dispatches.byTicket(duplicate).isEmpty());
        EventProbe.publish(bootstrap(), merged(duplicate, "T-master-" + UUID.randomUUID()));
        Awaitility.await().atMost(Dispatches.KAFKA_BOUND)
                .until(() -> "CANCELLED".equals(Dispatches.byTicket(duplicate).get(0).get("state")));
        String id = (String) Dispatches.byTicket(duplicate).get(0).get("id");
        Dispatches.act(id, "sign", Dispatches.handler("330523-ENFORCEMENT"), null).then().statusCode(409);
    }

    @Test
    void ticketReopenedAfterCompletionGetsANewDispatch() {
        EventProbe events = probe();
        String ticketId = "T-" + UUID.randomUUID();
        EventProbe.publish(bootstrap(), Dispatches.ticketCreated(UUID.randomUUID().toString(), ticketId,
                DecisionCases.ALL.get(0)));
        Awaitility.await().atMost(Dispatches.KAFKA_BOUND).until(() -> !Dispatches.byTicket(ticketId).isEmpty());
        String first = (String) Dispatches.byTicket(ticketId).get(0).get("id");
        String town = Dispatches.handler(DecisionCases.TIANHUANGPING + "-GOV");
        String village = Dispatches.handler(DecisionCases.YUCUN + "-VC");
        Dispatches.act(first, "sign", town, null).then().statusCode(200);
        Dispatches.act(first, "assist-report", village, Map.of("note", "已入户调解")).then().statusCode(200);
        Dispatches.act(first, "complete", town, null).then().statusCode(200);

        TicketReopened reopened = new TicketReopened(TicketReopened.SCHEMA_VERSION, ticketId, "HZ1", "COMPLAINT",
                "NORMAL", "0801", new TerritoryRef(DecisionCases.ANJI, DecisionCases.TIANHUANGPING,
                        DecisionCases.YUCUN, "OPERATOR"), "UNRESOLVED", "UNSATISFIED", "矛盾未化解", 1, Instant.now());
        EventProbe.publish(bootstrap(), new CloudEvent(UUID.randomUUID().toString(), "/hotline/intake-service",
                EventTypes.TICKET_REOPENED, ticketId, Instant.now(), EventCodec.encode(reopened)));
        Awaitility.await().atMost(Dispatches.KAFKA_BOUND).until(() -> Dispatches.byTicket(ticketId).size() == 2);
        Map<String, Object> second = Dispatches.byTicket(ticketId).stream().filter(d -> !first.equals(d.get("id")))
                .findFirst().orElseThrow();
        assertThat(second.get("state")).isEqualTo("ASSIGNED");
        assertThat(second.get("previousDispatchId")).isEqualTo(first);
        events.await(EventTypes.DISPATCH_ASSIGNED, e -> second.get("id").equals(
                EventCodec.decode(e, DispatchEvent.class).dispatchId()), Dispatches.KAFKA_BOUND);
        given().auth().oauth2(Dispatches.dispatcher()).when().get("/api/v1/dispatches/" + first).then().statusCode(200);
    }

    static CloudEvent merged(String duplicate, String master) {
        TicketMerged payload = new TicketMerged(TicketMerged.SCHEMA_VERSION, duplicate, "HZ-dup", master, "HZ-master",
                "dispatcher-1", Instant.now());
        return new CloudEvent(UUID.randomUUID().toString(), "/hotline/intake-service", EventTypes.TICKET_MERGED,
                duplicate, Instant.now(), EventCodec.encode(payload));
    }

    private double duplicates() {
        var counter = registry.find("hotline.events.duplicates").tag("consumer", "routing-tickets").counter();
        return counter == null ? 0 : counter.count();
    }
}
