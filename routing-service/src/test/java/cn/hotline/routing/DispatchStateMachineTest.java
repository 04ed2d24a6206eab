package cn.hotline.routing;

import cn.hotline.testsupport.TestClock;
import static cn.hotline.routing.Dispatches.act;
import static cn.hotline.routing.Dispatches.dispatcher;
import static cn.hotline.routing.Dispatches.get;
import static cn.hotline.routing.Dispatches.handler;
import static cn.hotline.routing.Dispatches.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.routing.service.DispatchService;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every state × action of the dispatch state machine: legal ones (200 + event), illegal ones (409), roles (403). */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "routing"), @ResourceArg(name = "redisDb", value = "12")})
class DispatchStateMachineTest {

    static final String WATER = "330503-WATER";
    static final String NANXUN_TOWN = "330503100";

    /** What the API must allow in each state (a dispatch without assisting units, no pending extension). */
    enum Expected {
        UNASSIGNED("assign", "escalate", "assign-leader"),
        ASSIGNED("sign", "return", "escalate", "assign-leader"),
        SIGNED("arrive", "handle", "complete", "request-extension", "escalate", "assign-leader"),
        ARRIVED("handle", "complete", "request-extension", "escalate", "assign-leader"),
        HANDLING("handle", "complete", "request-extension", "escalate", "assign-leader"),
        RETURNED("return-review", "escalate", "assign-leader"),
        COMPLETED();

        final Set<String> allowed;

        Expected(String... allowed) {
            this.allowed = Set.of(allowed);
        }
    }

    static final List<String> ACTIONS = List.of("assign", "sign", "return", "return-review", "arrive", "handle",
            "complete", "request-extension", "extension-decision", "escalate", "assign-leader", "release-assist");

    @Inject
    DispatchService service;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ParameterizedTest
    @EnumSource(Expected.class)
    void everyActionNotInTheTableIs409WithCurrentStateAndAllowedActions(Expected state) {
        String id = inState(state);
        assertThat(Set.copyOf(get(id).getList("allowedActions", String.class))).isEqualTo(state.allowed);
        for (String action : ACTIONS) {
            if (state.allowed.contains(action)) {
                continue;
            }
            if (state == Expected.UNASSIGNED && HANDLER_ACTIONS.contains(action)) {
                // Nobody leads an unassigned dispatch, so a unit's handler is refused before the state matters.
                act(id, action, tokenFor(action), bodyFor(action)).then().statusCode(403);
                continue;
            }
            JsonPath problem = act(id, action, tokenFor(action), bodyFor(action)).then()
                    .statusCode(409).contentType("application/problem+json").extract().jsonPath();
            assertThat(problem.getString("currentState")).as(action + " in " + state).isEqualTo(state.name());
            assertThat(Set.copyOf(problem.getList("allowedActions", String.class))).isEqualTo(state.allowed);
        }
        assertThat(get(id).getString("state")).isEqualTo(state.name());
    }

    @Test
    void signArriveHandleCompleteEachEmitTheirEvent() {
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.DISPATCHES)) {
            String id = water();
            String lead = handler(WATER);
            act(id, "sign", lead, null).then().statusCode(200).body("state", equalTo("SIGNED"));
            assertThat(event(probe, EventTypes.DISPATCH_SIGNED, id).actor()).isEqualTo(WATER + "-P2");
            act(id, "arrive", lead, Map.of("lat", 30.88, "lon", 120.42)).then().statusCode(200)
                    .body("state", equalTo("ARRIVED"));
            DispatchEvent arrived = event(probe, EventTypes.DISPATCH_ARRIVED, id);
            assertThat(arrived.lat()).isEqualTo(30.88);
            assertThat(arrived.actingUnitCode()).isEqualTo(WATER);
            act(id, "handle", lead, Map.of("note", "已关阀抢修")).then().statusCode(200).body("state", equalTo("HANDLING"));
            act(id, "handle", lead, Map.of("note", "管道更换完成")).then().statusCode(200).body("state", equalTo("HANDLING"));
            Awaitility.await().atMost(Dispatches.KAFKA_BOUND).until(() -> probe.events(EventTypes.DISPATCH_HANDLED,
                    e -> decode(e).dispatchId().equals(id)).size() == 2);
            act(id, "complete", lead, Map.of("note", "已恢复供水")).then().statusCode(200).body("state", equalTo("COMPLETED"));
            DispatchEvent completed = event(probe, EventTypes.DISPATCH_COMPLETED, id);
            assertThat(completed.lead().unitCode()).isEqualTo(WATER);
            assertThat(completed.actionAt()).isEqualTo(TestClock.get().instant());
        }
        String id = water();
        act(id, "sign", handler(WATER), Map.of("note", "已签收")).then().statusCode(200);
        act(id, "handle", handler(WATER), Map.of()).then().statusCode(400).body("errors[0].field", equalTo("note"));
        act(id, "complete", handler(WATER), null).then().statusCode(200).body("state", equalTo("COMPLETED"));
    }

    @Test
    void returnRejectedGoesBackToTheUnit() {
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.DISPATCHES)) {
            String id = water();
            act(id, "return", handler(WATER), Map.of("reasonCode", "MAYBE", "note", "x")).then().statusCode(400)
                    .body("errors[0].field", equalTo("reasonCode"));
            act(id, "return", handler(WATER), Map.of("reasonCode", "NOT_OUR_JURISDICTION")).then().statusCode(400)
                    .body("errors[0].field", equalTo("note"));
            act(id, "return", handler(WATER), Map.of("reasonCode", "NOT_OUR_JURISDICTION", "note", "属小区物业管网"))
                    .then().statusCode(200).body("state", equalTo("RETURNED"));
            assertThat(event(probe, EventTypes.DISPATCH_RETURNED, id).reasonCode()).isEqualTo("NOT_OUR_JURISDICTION");
            act(id, "return-review", handler(WATER), Map.of("decision", "REJECT", "note", "x")).then().statusCode(403);
            act(id, "return-review", dispatcher(), Map.of("decision", "MAYBE")).then().statusCode(400)
                    .body("errors[0].field", equalTo("decision"));
            act(id, "return-review", dispatcher(), Map.of("decision", "REJECT", "note", "市政管网属供水公司"))
                    .then().statusCode(200).body("state", equalTo("ASSIGNED")).body("reviewNote", equalTo("市政管网属供水公司"));
            CloudEvent rejected = probe.await(EventTypes.DISPATCH_ASSIGNED, e -> id.equals(decode(e).dispatchId())
                    && "RETURN_REJECTED".equals(decode(e).reasonCode()), Dispatches.KAFKA_BOUND);
            assertThat(decode(rejected).note()).isEqualTo("市政管网属供水公司");
            act(id, "sign", handler(WATER), null).then().statusCode(200).body("state", equalTo("SIGNED"));
        }
    }

    @Test
    void escalationRaisesTheLevelFromAnyOpenState() {
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.DISPATCHES)) {
            String id = water();
            act(id, "escalate", handler(WATER), Map.of("reason", "x")).then().statusCode(403);
            act(id, "escalate", dispatcher(), Map.of()).then().statusCode(400).body("errors[0].field", equalTo("reason"));
            act(id, "escalate", dispatcher(), Map.of("reason", "跨部门疑难，提请县指挥中心研判")).then().statusCode(200)
                    .body("escalationLevel", equalTo(1)).body("state", equalTo("ASSIGNED"))
                    .body("explanation", hasItem(containsString("level 1 (南浔区12345指挥中心, commander on duty")));
            DispatchEvent escalated = event(probe, EventTypes.DISPATCH_ESCALATED, id);
            assertThat(escalated.escalationLevel()).isEqualTo(1);
            assertThat(escalated.note()).contains("提请县指挥中心研判");
            act(id, "sign", handler(WATER), null).then().statusCode(200);
            act(id, "escalate", supervisor(), Map.of("reason", "提级至市领导")).then().statusCode(200)
                    .body("escalationLevel", equalTo(2)).body("state", equalTo("SIGNED"))
                    .body("explanation", hasItem(containsString("level 2 (湖州市12345政务服务便民热线指挥中心")));
            act(id, "assign-leader", dispatcher(), Map.of("caseLeaderId", "nobody")).then().statusCode(400)
                    .body("errors[0].field", equalTo("caseLeaderId"));
            act(id, "assign-leader", supervisor(), Map.of("caseLeaderId", "330503-COMMAND-P1")).then().statusCode(200)
                    .body("caseLeaderId", equalTo("330503-COMMAND-P1"));
            assertThat(event(probe, EventTypes.DISPATCH_LEADER_ASSIGNED, id).caseLeaderId()).isEqualTo("330503-COMMAND-P1");
        }
    }

    @Test
    void extensionIsRequestedByTheUnitAndDecidedByASupervisor() {
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.DISPATCHES)) {
            String id = water();
            act(id, "sign", handler(WATER), null).then().statusCode(200);
            act(id, "request-extension", handler(WATER), Map.of("duration", "five days", "reason", "x"))
                    .then().statusCode(400).body("errors[0].field", equalTo("duration"));
            act(id, "request-extension", handler(WATER), Map.of("duration", "P5D", "reason", "需更换主管道，等待材料"))
                    .then().statusCode(200).body("extension.pending", equalTo(true)).body("state", equalTo("SIGNED"));
            assertThat(event(probe, EventTypes.DISPATCH_EXTENSION_REQUESTED, id).extensionDuration()).isEqualTo("P5D");
            act(id, "request-extension", handler(WATER), Map.of("duration", "P1D", "reason", "again")).then()
                    .statusCode(409).body("currentState", equalTo("SIGNED"));
            act(id, "extension-decision", dispatcher(), Map.of("approved", true)).then().statusCode(403);
            act(id, "extension-decision", supervisor(), Map.of()).then().statusCode(400)
                    .body("errors[0].field", equalTo("approved"));
            act(id, "extension-decision", supervisor(), Map.of("approved", true, "note", "同意延期5天")).then()
                    .statusCode(200).body("extension.pending", equalTo(false)).body("extension.approved", equalTo(true));
            DispatchEvent decided = event(probe, EventTypes.DISPATCH_EXTENSION_DECIDED, id);
            assertThat(decided.extensionApproved()).isTrue();
            assertThat(decided.extensionDuration()).isEqualTo("P5D");
            act(id, "extension-decision", supervisor(), Map.of("approved", false)).then().statusCode(409);
        }
    }

    @Test
    void handlerOfAnotherUnitIsForbidden() {
        String id = water();
        act(id, "sign", handler("330523-POLICE"), null).then().statusCode(403);
        act(id, "return", handler("330523-POLICE"), Map.of("reasonCode", "OTHER", "note", "x")).then().statusCode(403);
        act(id, "sign", TestJwt.token("someone", null, "handler"), null).then().statusCode(403);
        act(id, "sign", TestJwt.token("operator"), null).then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").when()
                .post("/api/v1/dispatches/" + id + "/sign").then().statusCode(401);
        assertThat(get(id).getString("state")).isEqualTo("ASSIGNED");
        act("00000000-0000-0000-0000-000000000000", "sign", handler(WATER), null).then().statusCode(404);
    }

    static DispatchEvent decode(CloudEvent e) {
        return EventCodec.decode(e, DispatchEvent.class);
    }

    static DispatchEvent event(EventProbe probe, String type, String dispatchId) {
        CloudEvent e = probe.await(type, ev -> EventCodec.decode(ev, DispatchEvent.class).dispatchId().equals(dispatchId),
                Dispatches.KAFKA_BOUND);
        return EventCodec.decode(e, DispatchEvent.class);
    }

    String water() {
        return Dispatches.create(service, "0601", "COMPLAINT", NANXUN_TOWN, null);
    }

    String inState(Expected state) {
        if (state == Expected.UNASSIGNED) {
            return Dispatches.create(service, "0602", "COMPLAINT", NANXUN_TOWN, null);
        }
        String id = water();
        String lead = handler(WATER);
        switch (state) {
            case RETURNED -> act(id, "return", lead, Map.of("reasonCode", "OTHER", "note", "测试")).then().statusCode(200);
            case SIGNED, ARRIVED, HANDLING, COMPLETED -> {
                act(id, "sign", lead, null).then().statusCode(200);
                if (state == Expected.ARRIVED) {
                    act(id, "arrive", lead, null).then().statusCode(200);
                }
                if (state == Expected.HANDLING) {
                    act(id, "handle", lead, Map.of("note", "处置中")).then().statusCode(200);
                }
                if (state == Expected.COMPLETED) {
                    act(id, "complete", lead, null).then().statusCode(200);
                }
            }
            default -> { }
        }
        return id;
    }

    static final Set<String> HANDLER_ACTIONS = Set.of("sign", "return", "arrive", "handle", "complete",
            "request-extension");

    static String tokenFor(String action) {
        return switch (action) {
            case "sign", "return", "arrive", "handle", "complete", "request-extension" -> handler(WATER);
            case "extension-decision" -> supervisor();
            default -> dispatcher();
        };
    }

    static Map<String, Object> bodyFor(String action) {
        Map<String, Object> body = new HashMap<>();
        switch (action) {
            case "assign" -> body.put("leadUnitCode", WATER);
            case "return" -> {
                body.put("reasonCode", "OTHER");
                body.put("note", "测试");
            }
            case "return-review" -> {
                body.put("decision", "REJECT");
                body.put("note", "测试");
            }
            case "handle" -> body.put("note", "测试");
            case "request-extension" -> {
                body.put("duration", "P2D");
                body.put("reason", "测试");
            }
            case "extension-decision" -> body.put("approved", true);
            case "escalate" -> body.put("reason", "测试");
            case "assign-leader" -> body.put("caseLeaderId", "330503-COMMAND-P1");
            case "release-assist" -> body.put("unitCode", "330503100-GOV");
            default -> { }
        }
        return body;
    }
}
