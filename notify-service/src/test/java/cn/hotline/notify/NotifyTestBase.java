package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import cn.hotline.testsupport.TestJwt;

/** Shared wiring of notify's tests: the simulator view, the routing stub, the audit API and a daytime clock. */
abstract class NotifyTestBase {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "notify.test.smsc-http-port")
    int smscHttpPort;

    @ConfigProperty(name = "notify.test.wiremock-port")
    int wiremockPort;

    SmscView smsc;
    RoutingStub routing;

    @BeforeEach
    void wire() {
        TestClock.get().reset();
        smsc = new SmscView(smscHttpPort);
        routing = new RoutingStub(wiremockPort);
    }

    static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200));
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The audit log of a ticket, as a dispatcher reads it. */
    static List<Map<String, Object>> audit(String ticketId) {
        return given().auth().oauth2(TestJwt.token("dispatcher")).queryParam("ticketId", ticketId)
                .when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static List<String> texts(List<Map<String, Object>> messages) {
        return messages.stream().map(m -> (String) m.get("text")).toList();
    }
}
