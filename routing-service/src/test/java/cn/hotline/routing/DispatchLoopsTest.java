package cn.hotline.routing;

import static cn.hotline.routing.Dispatches.act;
import static cn.hotline.routing.Dispatches.dispatcher;
import static cn.hotline.routing.Dispatches.handler;
import static cn.hotline.routing.Dispatches.supervisor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.events.payload.TicketTransferredOut;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The loops a dispatch must close: the MANUAL queue announces itself, a ticket leaving the suite cancels its
 * dispatch with an event, assisting units sign and report with events of their own, petition extensions are capped.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class DispatchLoopsTest {

    private static final String ENFORCEMENT = DecisionCases.ANJI + "-ENFORCEMENT";
    private static final String CHANGSHUO_GOV = DecisionCases.CHANGSHUO + "-GOV";

    @Test
    void aTicketNoRulePlacesIsQueuedWithAnEvent() {
        try (EventProbe probe = EventProbe.open(bootstrap(), Topics.DISPATCHES)) {
            String ticketId = publish("PHONE", "URGENT", "9999", DecisionCases.CHANGSHUO);
            DispatchEvent queued = decode(probe.await(EventTypes.DISPATCH_QUEUED, e -> ticketId.equals(e.subject()),
                    Dispatches.KAFKA_BOUND));
            assertThat(queued.state()).isEqualTo("UNASSIGNED");
            assertThat(queued.queue()).isEqualTo("MANUAL");
            assertThat(queued.urgency()).isEqualTo("URGENT");
            assertThat(queued.lead()).isNull();
            assertThat(probe.events(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()))).isEmpty();
        }
    }

    @Test
    void anAcceptedReturnThatNoRuleCanPlaceIsQueuedAgain() {
        try (EventProbe probe = EventProbe.open(bootstrap(), Topics.DISPATCHES)) {
            // 供电 in 安吉县 has no rule, so the dispatcher places it; after its return no rule is left either.
            String ticketId = publish("PHONE", "NORMAL", "0602", DecisionCases.ANJI);
            DispatchEvent queued = decode(probe.await(EventTypes.DISPATCH_QUEUED, e -> ticketId.equals(e.subject()),
                    Dispatches.KAFKA_BOUND));
            act(queued.dispatchId(), "assign", dispatcher(), Map.of("leadUnitCode", ENFORCEMENT)).then().statusCode(200);
            act(queued.dispatchId(), "return", handler(ENFORCEMENT),
                    Map.of("reasonCode", "NOT_OUR_JURISDICTION", "note", "供电不属执法局")).then().statusCode(200);
            String next = act(queued.dispatchId(), "return-review", dispatcher(), Map.of("decision", "ACCEPT", "note", "同意"))
                    .then().statusCode(200).extract().path("id");
            DispatchEvent again = decode(probe.await(EventTypes.DISPATCH_QUEUED,
                    e -> next.equals(decode(e).dispatchId()), Dispatches.KAFKA_BOUND));
            assertThat(again.previousDispatchId()).isEqualTo(queued.dispatchId());
        }
    }

    @Test
    void transferOutCancelsTheOpenDispatchAndTellsWhy() {
        try (EventProbe probe = EventProbe.open(bootstrap(), Topics.DISPATCHES)) {
            String ticketId = publish("PHONE", "URGENT", "0202", DecisionCases.CHANGSHUO);
            String id = decode(probe.await(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()),
                    Dispatches.KAFKA_BOUND)).dispatchId();
            TicketTransferredOut out = new TicketTransferredOut(TicketTransferredOut.SCHEMA_VERSION, ticketId, "HZ-out",
                    "110", "打架斗殴，属警情", "operator-1", Instant.now());
            EventProbe.publish(bootstrap(), new CloudEvent(UUID.randomUUID().toString(), "/hotline/intake-service",
                    EventTypes.TICKET_TRANSFERRED_OUT, ticketId, Instant.now(), EventCodec.encode(out)));
            DispatchEvent cancelled = decode(probe.await(EventTypes.DISPATCH_CANCELLED, e -> ticketId.equals(e.subject()),
                    Dispatches.KAFKA_BOUND));
            assertThat(cancelled.dispatchId()).isEqualTo(id);
            assertThat(cancelled.state()).isEqualTo("CANCELLED");
            assertThat(cancelled.reasonCode()).isEqualTo("TRANSFERRED_OUT");
            assertThat(cancelled.lead().unitCode()).isEqualTo(ENFORCEMENT);
            act(id, "sign", handler(ENFORCEMENT), null).then().statusCode(409).body("currentState", equalTo("CANCELLED"));
        }
    }

    @Test
    void mergeCancelsWithItsOwnEvent() {
        try (EventProbe probe = EventProbe.open(bootstrap(), Topics.DISPATCHES)) {
            String ticketId = publish("PHONE", "NORMAL", "0202", DecisionCases.CHANGSHUO);
            probe.await(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()), Dispatches.KAFKA_BOUND);
            EventProbe.publish(bootstrap(), DispatchKafkaTest.merged(ticketId, "T-master-" + UUID.randomUUID()));
            DispatchEvent cancelled = decode(probe.await(EventTypes.DISPATCH_CANCELLED, e -> ticketId.equals(e.subject()),
                    Dispatches.KAFKA_BOUND));
            assertThat(cancelled.reasonCode()).isEqualTo("MERGED");
            assertThat(cancelled.note()).contains("HZ-master");
        }
    }

    @Test
    void assistingUnitsSignAndReportTheirPartWithTheirOwnEvents() {
        try (EventProbe probe = EventProbe.open(bootstrap(), Topics.DISPATCHES)) {
            String ticketId = publish("PHONE", "URGENT", "0202", DecisionCases.CHANGSHUO);
            DispatchEvent assigned = decode(probe.await(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()),
                    Dispatches.KAFKA_BOUND));
            String id = assigned.dispatchId();
            assertThat(assigned.assisting()).extracting(u -> u.unitCode()).containsExactly(CHANGSHUO_GOV);

            List<String> workList = given().auth().oauth2(handler(CHANGSHUO_GOV)).when().get("/api/v1/dispatches/open")
                    .then().statusCode(200).extract().jsonPath().getList("id");
            assertThat(workList).as("an assisting unit's work list").contains(id);

            act(id, "assist-sign", handler(ENFORCEMENT), null).then().statusCode(403);
            act(id, "assist-sign", handler(CHANGSHUO_GOV), null).then().statusCode(200)
                    .body("assisting[0].status", equalTo("SIGNED"));
            act(id, "assist-sign", handler(CHANGSHUO_GOV), null).then().statusCode(409);
            DispatchEvent signed = decode(probe.await(EventTypes.DISPATCH_ASSIST_SIGNED,
                    e -> id.equals(decode(e).dispatchId()), Dispatches.KAFKA_BOUND));
            assertThat(signed.actingUnitCode()).isEqualTo(CHANGSHUO_GOV);
            assertThat(signed.state()).as("the lead's state is untouched").isEqualTo("ASSIGNED");

            act(id, "sign", handler(ENFORCEMENT), null).then().statusCode(200);
            act(id, "complete", handler(ENFORCEMENT), null).then().statusCode(409);
            act(id, "assist-report", handler(CHANGSHUO_GOV), Map.of("note", "社区已上门劝导")).then().statusCode(200)
                    .body("assisting[0].status", equalTo("REPORTED"))
                    .body("assisting[0].report", equalTo("社区已上门劝导"));
            DispatchEvent reported = decode(probe.await(EventTypes.DISPATCH_ASSIST_REPORTED,
                    e -> id.equals(decode(e).dispatchId()), Dispatches.KAFKA_BOUND));
            assertThat(reported.actingUnitCode()).isEqualTo(CHANGSHUO_GOV);
            assertThat(reported.note()).isEqualTo("社区已上门劝导");
            assertThat(probe.events(EventTypes.DISPATCH_HANDLED, e -> id.equals(decode(e).dispatchId())))
                    .as("an assisting report is not the lead's handling").isEmpty();
            act(id, "complete", handler(ENFORCEMENT), null).then().statusCode(200);
        }
    }

    @Test
    void aReleaseByTheDispatcherIsRecordedWithTheReleasedUnit() {
        try (EventProbe probe = EventProbe.open(bootstrap(), Topics.DISPATCHES)) {
            String ticketId = publish("PHONE", "NORMAL", "0202", DecisionCases.CHANGSHUO);
            String id = decode(probe.await(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()),
                    Dispatches.KAFKA_BOUND)).dispatchId();
            act(id, "release-assist", dispatcher(), Map.of("unitCode", CHANGSHUO_GOV, "note", "街道无需参与"))
                    .then().statusCode(200).body("assisting[0].status", equalTo("RELEASED"));
            DispatchEvent released = decode(probe.await(EventTypes.DISPATCH_ASSIST_RELEASED,
                    e -> id.equals(decode(e).dispatchId()), Dispatches.KAFKA_BOUND));
            assertThat(released.actingUnitCode()).isEqualTo(CHANGSHUO_GOV);
            assertThat(released.note()).isEqualTo("街道无需参与");
            List<Map<String, Object>> history = given().auth().oauth2(dispatcher())
                    .when().get("/api/v1/dispatches/" + id + "/history").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            assertThat(history).anyMatch(h -> "release-assist".equals(h.get("action")));
        }
    }

    @Test
    void aPetitionIsExtendedOnceByAtMostThirtyDaysAndTheReasonTravels() {
        try (EventProbe probe = EventProbe.open(bootstrap(), Topics.DISPATCHES)) {
            String ticketId = publish("LETTER", "NORMAL", "0801", DecisionCases.YUCUN);
            DispatchEvent assigned = decode(probe.await(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()),
                    Dispatches.KAFKA_BOUND));
            String id = assigned.dispatchId();
            String lead = handler(assigned.lead().unitCode());
            act(id, "sign", lead, null).then().statusCode(200);
            act(id, "request-extension", lead, Map.of("duration", "P31D", "reason", "需司法鉴定")).then().statusCode(400)
                    .body("errors[0].field", equalTo("duration"));
            act(id, "request-extension", lead, Map.of("duration", "P2M", "reason", "需司法鉴定")).then().statusCode(400);
            act(id, "request-extension", lead, Map.of("duration", "P30D", "reason", "需司法鉴定")).then().statusCode(200);
            act(id, "extension-decision", supervisor(), Map.of("approved", true, "note", "同意")).then().statusCode(200);
            DispatchEvent decided = decode(probe.await(EventTypes.DISPATCH_EXTENSION_DECIDED,
                    e -> id.equals(decode(e).dispatchId()), Dispatches.KAFKA_BOUND));
            assertThat(decided.extensionApproved()).isTrue();
            assertThat(decided.note()).as("the reason kept for the petitioner").isEqualTo("需司法鉴定");
            act(id, "request-extension", lead, Map.of("duration", "P5D", "reason", "再延")).then().statusCode(409);
        }
        // A hotline ticket is not a petition: the statutory cap does not apply.
        try (EventProbe probe = EventProbe.open(bootstrap(), Topics.DISPATCHES)) {
            String ticketId = publish("PHONE", "NORMAL", "0801", DecisionCases.YUCUN);
            DispatchEvent assigned = decode(probe.await(EventTypes.DISPATCH_ASSIGNED, e -> ticketId.equals(e.subject()),
                    Dispatches.KAFKA_BOUND));
            String lead = handler(assigned.lead().unitCode());
            act(assigned.dispatchId(), "sign", lead, null).then().statusCode(200);
            act(assigned.dispatchId(), "request-extension", lead, Map.of("duration", "P40D", "reason", "工程量大"))
                    .then().statusCode(200);
        }
    }

    private static String publish(String channel, String urgency, String category, String territoryCode) {
        String ticketId = "T-" + UUID.randomUUID();
        String county = territoryCode.substring(0, 6);
        String town = territoryCode.length() >= 9 ? territoryCode.substring(0, 9) : null;
        String village = territoryCode.length() >= 12 ? territoryCode : null;
        TicketCreated payload = new TicketCreated(TicketCreated.SCHEMA_VERSION, ticketId, "HZ" + System.nanoTime(),
                channel, "COMPLAINT", urgency, category, null, "测试",
                new TerritoryRef(county, town, village, "OPERATOR"), null, null, null, List.of(), "138****5678",
                Instant.now(), Instant.now());
        EventProbe.publish(bootstrap(), new CloudEvent(UUID.randomUUID().toString(), "/hotline/intake-service",
                EventTypes.TICKET_CREATED, ticketId, Instant.now(), EventCodec.encode(payload)));
        return ticketId;
    }

    private static DispatchEvent decode(CloudEvent event) {
        return EventCodec.decode(event, DispatchEvent.class);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
