package cn.hotline.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.sla.domain.Policy;
import cn.hotline.sla.domain.TicketProfile;
import cn.hotline.sla.service.PolicyService;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The seeded default policies, their selection (most specific first) and the admin policy API. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "sla"), @ResourceArg(name = "redisDb", value = "13")})
class PolicyApiTest {

    @Inject
    PolicyService policies;

    @Test
    void theDomainDefaultsAreSeeded() {
        given().auth().oauth2(TestJwt.token("supervisor")).when().get("/api/v1/policies").then().statusCode(200)
                .body("code", hasItems("URGENT", "NORMAL", "COMPLAINT", "PETITION", "REPEAT_SUPERVISION"));
        given().auth().oauth2(TestJwt.token("supervisor")).when().get("/api/v1/policies/URGENT").then().statusCode(200)
                .body("stages.stage", equalTo(List.of("SIGN", "ARRIVE", "HANDLE", "CLOSE")))
                .body("stages.duration", equalTo(List.of("PT1M", "PT30M", "PT1H", "PT24H")))
                .body("stages.mode", equalTo(List.of("CLOCK", "CLOCK", "CLOCK", "CLOCK")))
                .body("stages[0].warningThresholds", equalTo(List.of(50, 80)));
        given().auth().oauth2(TestJwt.token("supervisor")).when().get("/api/v1/policies/PETITION").then().statusCode(200)
                .body("stages.find { it.stage == 'NO_PROGRESS' }.duration", equalTo("P45D"))
                .body("stages.find { it.stage == 'REVIEW' }.startEvent", equalTo("ticket.reopened"));
    }

    @Test
    void theMostSpecificPolicyWins() {
        assertThat(select("URGENT", "COMPLAINT", "PHONE", List.of())).isEqualTo("URGENT");
        assertThat(select("NORMAL", "COMPLAINT", "PHONE", List.of())).isEqualTo("COMPLAINT");
        assertThat(select("NORMAL", "REPORT", "APP", List.of())).isEqualTo("COMPLAINT");
        assertThat(select("NORMAL", "HELP", "PHONE", List.of())).isEqualTo("NORMAL");
        assertThat(select("NORMAL", "HELP", "LETTER", List.of())).isEqualTo("PETITION");
        assertThat(select("NORMAL", "COMPLAINT", "VISIT", List.of("REPEAT_COMPLAINANT"))).isEqualTo("REPEAT_SUPERVISION");
    }

    @Test
    void anAdminPutsAPolicyAndBadOnesAreRefusedNamingTheField() {
        String body = """
                {"name":"测试：咨询2个工作日","priority":5,"match":{"kinds":["CONSULT"],"categoryPrefixes":["09"]},
                 "stages":[{"stage":"CLOSE","startEvent":"dispatch.assigned","stopEvent":"dispatch.completed",
                            "duration":"P2D","mode":"WORKING"}]}""";
        given().auth().oauth2(TestJwt.token("admin")).contentType("application/json").body(body)
                .when().put("/api/v1/policies/TEST_CONSULT").then().statusCode(200)
                .body("stages[0].scope", equalTo("TICKET")).body("stages[0].warningThresholds", equalTo(List.of(50, 80)));
        assertThat(select("NORMAL", "CONSULT", "PHONE", List.of(), "0901")).isEqualTo("TEST_CONSULT");
        given().auth().oauth2(TestJwt.token("supervisor")).contentType("application/json").body(body)
                .when().put("/api/v1/policies/TEST_CONSULT").then().statusCode(403);
        given().auth().oauth2(TestJwt.token("admin")).contentType("application/json")
                .body(body.replace("\"P2D\"", "\"two days\""))
                .when().put("/api/v1/policies/TEST_BAD").then().statusCode(400)
                .body("errors[0].field", equalTo("stages[0].duration"));
        given().auth().oauth2(TestJwt.token("admin")).contentType("application/json")
                .body(body.replace("\"WORKING\"", "\"LUNAR\""))
                .when().put("/api/v1/policies/TEST_BAD").then().statusCode(400);
        given().auth().oauth2(TestJwt.token("admin")).contentType("application/json")
                .body(body.replace("dispatch.completed", "dispatch.finished"))
                .when().put("/api/v1/policies/TEST_BAD").then().statusCode(400)
                .body("errors[0].field", equalTo("stages[0].stopEvent"));
        given().auth().oauth2(TestJwt.token("admin")).when().get("/api/v1/policies/TEST_BAD").then().statusCode(404);
    }

    private String select(String urgency, String kind, String channel, List<String> flags) {
        return select(urgency, kind, channel, flags, "0202");
    }

    private String select(String urgency, String kind, String channel, List<String> flags, String category) {
        return policies.select(new TicketProfile(urgency, kind, category, channel, flags)).map(Policy::code).orElse(null);
    }
}
