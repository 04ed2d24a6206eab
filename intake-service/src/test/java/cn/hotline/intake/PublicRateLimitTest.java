package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The public surfaces hold: past the limit a client gets 429 with Retry-After; other clients and the staff API do not. */
@QuarkusTest
@TestProfile(PublicRateLimitTest.SmallLimit.class)
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class PublicRateLimitTest {

    /** Five requests an hour, the client taken from X-Forwarded-For as behind an ingress. */
    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // An hour's window: a minute's could roll over inside the test and reset the count.
            return Map.of("hotline.public-rate-limit.max", "5", "hotline.public-rate-limit.window", "PT1H",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void aClientPastTheLimitIsToldWhenToComeBack() {
        String client = freshClient();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).when().get("/open311/v2/services.json").then().statusCode(200);
        }
        Response refused = given().header("X-Forwarded-For", client).when().get("/open311/v2/services.json");
        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 3600);
        // A matrix parameter does not make a new path to count under.
        given().urlEncodingEnabled(false).header("X-Forwarded-For", client).when().get("/open311;x=1/v2/services.json").then().statusCode(429);
        assertThat((String) refused.path("detail")).contains("more than 5 requests");

        // The progress lookup is counted apart, and an unknown token is the same 404 whoever asks.
        given().header("X-Forwarded-For", client).when().get("/api/v1/progress/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404);
        // Another client is not held back by the first.
        given().header("X-Forwarded-For", freshClient()).when().get("/open311/v2/services.json").then().statusCode(200);
        // Staff endpoints are not rate-limited here (they need a token; the limit is for the anonymous surfaces).
        for (int i = 0; i < 7; i++) {
            given().header("X-Forwarded-For", client).when().get("/api/v1/categories").then().statusCode(401);
        }
    }

    @Test
    void progressTokensCannotBeWalked() {
        String client = freshClient();
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            int status = given().header("X-Forwarded-For", client).when().get("/api/v1/progress/" + "guessguessguessguess" + (10 + i)).then().extract().statusCode();
            assertThat(status).isIn(404, 429);
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).as("guesses past the fifth are refused").isEqualTo(3);
    }

    /** An address no earlier run used within the window (the count lives in Redis across runs). */
    private static String freshClient() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
