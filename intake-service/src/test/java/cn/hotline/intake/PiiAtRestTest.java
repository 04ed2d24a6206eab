package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.service.CallerDataUpkeep;
import cn.hotline.intake.service.PiiCipher;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestClock;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Caller PII sealed at rest, found by HMAC, readable across key rotation, every full read recorded, anonymised in time. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class PiiAtRestTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String RETIRED_KEY = "dev-retired";

    @Inject
    Pool pool;

    @Inject
    IntakeConfig config;

    @Inject
    CallerDataUpkeep callerData;

    @Test
    void theStoredCallerColumnsHoldNoPlaintext() {
        String phone = Tickets.freshPhone();
        String idNumber = freshIdNumber();
        String id = create(phone, idNumber);

        Row row = stored(id);
        for (String column : new String[] {"caller_name", "caller_phone", "caller_id_number"}) {
            assertThat(row.getString(column)).as(column).startsWith("v1:" + config.pii().currentKey() + ":")
                    .doesNotContain(phone).doesNotContain(idNumber).doesNotContain("王五");
        }
        assertThat(row.getString("caller_phone_hmac")).isNotBlank().doesNotContain(phone);
        assertThat(row.getString("caller_id_hmac")).isNotBlank().doesNotContain(idNumber);
        assertThat(row.getString("caller_phone_masked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

        JsonPath view = given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("caller.phone")).isEqualTo(phone);
        assertThat(view.getString("caller.idNumber")).isEqualTo(idNumber);
        assertThat(view.getString("caller.name")).isEqualTo("王五");
    }

    @Test
    void rowsSealedUnderARetiredKeyOrPlaintextStayReadableAndFoundByPhone() {
        String phone = Tickets.freshPhone();
        String underRetired = create(phone, null);
        String underCurrent = create(phone, null);
        String plaintext = create(phone, null);
        // The first ticket as a replica still on the retired key would have written it; the third from before V7.
        PiiCipher retired = new PiiCipher(config.pii().keys(), RETIRED_KEY);
        sql("update ticket set caller_name = $2, caller_phone = $3 where id = $1::uuid",
                Tuple.of(underRetired, retired.seal("王五"), retired.seal(phone)));
        sql("update ticket set caller_name = '王五', caller_phone = $2, caller_phone_hmac = null where id = $1::uuid",
                Tuple.of(plaintext, phone));
        assertThat(stored(underRetired).getString("caller_phone")).startsWith("v1:" + RETIRED_KEY + ":");
        assertThat(stored(underCurrent).getString("caller_phone")).startsWith("v1:" + config.pii().currentKey() + ":");

        for (String id : new String[] {underRetired, underCurrent, plaintext}) {
            assertThat(given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("caller.phone")).isEqualTo(phone);
        }
        assertThat(history(phone)).contains(underRetired, underCurrent).doesNotContain(plaintext);

        // The re-seal sweep moves every stale row (retired key, plaintext, missing HMAC) to the current key.
        assertThat(await(callerData::resealPass)).as("the retired-key row and the plaintext one, at least").isGreaterThanOrEqualTo(2);
        assertThat(await(callerData::resealPass)).as("a second pass finds nothing left").isZero();
        for (String id : new String[] {underRetired, underCurrent, plaintext}) {
            assertThat(stored(id).getString("caller_phone")).startsWith("v1:" + config.pii().currentKey() + ":");
            assertThat(stored(id).getString("caller_name")).startsWith("v1:" + config.pii().currentKey() + ":");
        }
        assertThat(history(phone)).contains(underRetired, underCurrent, plaintext);
    }

    @Test
    void aSupervisorSeesWhoReadTheFullNumberAndNotWhoSawItMasked() {
        String id = create(Tickets.freshPhone(), freshIdNumber());
        String operator = "op-" + UUID.randomUUID();
        String dispatcher = "disp-" + UUID.randomUUID();
        given().auth().oauth2(TestJwt.token(operator, null, "operator")).get("/api/v1/tickets/" + id).then().statusCode(200);
        given().auth().oauth2(TestJwt.token(dispatcher, null, "dispatcher")).get("/api/v1/tickets/" + id).then().statusCode(200);
        given().auth().oauth2(TestJwt.token(operator, null, "operator")).queryParam("limit", 50).get("/api/v1/tickets")
                .then().statusCode(200);

        JsonPath reads = given().auth().oauth2(TestJwt.token("supervisor")).get("/api/v1/tickets/" + id + "/pii-reads")
                .then().statusCode(200).extract().jsonPath();
        assertThat(reads.getList("reader", String.class)).contains(operator).doesNotContain(dispatcher);
        assertThat(reads.getString("find { it.purpose == 'GET /api/v1/tickets/{id}' }.role")).isEqualTo("operator");
        assertThat(reads.getString("find { it.purpose == 'GET /api/v1/tickets/{id}' }.fields")).isEqualTo("phone,idNumber");
        assertThat(reads.getList("purpose", String.class).get(0)).isEqualTo("GET /api/v1/tickets");

        given().auth().oauth2(TestJwt.token("supervisor")).get("/api/v1/tickets/" + UUID.randomUUID() + "/pii-reads")
                .then().statusCode(404);
        given().auth().oauth2(TestJwt.inTerritory("supervisor", "330522")).get("/api/v1/tickets/" + id + "/pii-reads")
                .then().statusCode(404);
        given().auth().oauth2(TestJwt.token("operator")).get("/api/v1/tickets/" + id + "/pii-reads").then().statusCode(403);
    }

    @Test
    void callerDataIsAnonymisedOnceTheRetentionHasPassedSinceClosing() {
        String phone = Tickets.freshPhone();
        String id = create(phone, freshIdNumber());
        sql("update ticket set status = 'CLOSED', closed_at = now() where id = $1::uuid", Tuple.of(id));
        await(callerData::anonymiseExpired);
        assertThat(stored(id).getString("caller_phone")).isNotNull();
        try {
            TestClock.get().advance(config.pii().retention().plusDays(1));
            assertThat(await(callerData::anonymiseExpired)).isPositive();
        } finally {
            TestClock.get().reset();
        }
        Row row = stored(id);
        for (String column : new String[] {"caller_name", "caller_phone", "caller_id_number", "caller_phone_hmac", "caller_id_hmac"}) {
            assertThat(row.getString(column)).as(column).isNull();
        }
        assertThat(row.getString("caller_phone_masked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(history(phone)).doesNotContain(id);
    }

    private static String create(String phone, String idNumber) {
        Map<String, Object> body = Tickets.simple(phone);
        body.put("caller", idNumber == null ? Map.of("name", "王五", "phone", phone)
                : Map.of("name", "王五", "phone", phone, "idNumber", idNumber));
        return Tickets.create(body);
    }

    private static java.util.List<String> history(String phone) {
        return given().auth().oauth2(TestJwt.token("operator")).queryParam("callerPhone", phone).get("/api/v1/tickets")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private static String freshIdNumber() {
        return "33052319800101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)) + "X";
    }

    private Row stored(String id) {
        return pool.preparedQuery("select * from ticket where id = $1::uuid").execute(Tuple.of(id)).await().atMost(BOUND)
                .iterator().next();
    }

    private void sql(String statement, Tuple args) {
        assertThat(pool.preparedQuery(statement).execute(args).await().atMost(BOUND).rowCount()).isEqualTo(1);
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
