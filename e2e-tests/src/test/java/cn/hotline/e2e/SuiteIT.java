package cn.hotline.e2e;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.TestJwt;

/** The packaged suite starts against the real servers, is ready, and guards its API. */
class SuiteIT {

    private static Suite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.get();
    }

    @Test
    void everyServiceIsReadyAndGuardsItsApi() {
        for (String service : Suite.SERVICES) {
            String base = suite.url(service);
            given().when().get(base + "/q/health/ready").then().statusCode(200);
            given().when().get(base + "/api/v1/admin/outbox").then().statusCode(401);
            given().auth().oauth2(TestJwt.token("operator")).when().get(base + "/api/v1/admin/outbox").then().statusCode(403);
            given().auth().oauth2(TestJwt.token("admin")).when().get(base + "/api/v1/admin/outbox").then().statusCode(200);
        }
    }

    @Test
    void theSmscSimulatorShowsWhatWasSent() {
        given().when().get(suite.smscView() + "/messages").then().statusCode(200);
    }
}
