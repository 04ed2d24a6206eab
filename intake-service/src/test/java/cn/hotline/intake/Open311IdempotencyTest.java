package cn.hotline.intake;

import cn.hotline.testsupport.TestClock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.intake.service.CallerKeys;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Open311 POST requests.json is idempotent: the same api_key and content within the window is the same ticket. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class Open311IdempotencyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "hotline.intake.open311.idempotency-window")
    Duration window;

    @Inject
    Pool pool;

    @Inject
    CallerKeys callerKeys;

    @Test
    void anIdenticalRetryAnswersTheSameIdAndFilesOneTicket() {
        String phone = Tickets.freshPhone();
        String token = token();
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            Response first = post(form(phone, token));
            first.then().statusCode(200);
            String id = first.path("[0].service_request_id");
            assertThat(id).matches("HZ\\d{14}");

            // The same request re-encoded: other field order, padding, blank fields, coordinates spelled differently.
            Map<String, String> again = new LinkedHashMap<>();
            again.put("media_url", " https://example.org/" + token + ".jpg");
            again.put("phone", phone + " ");
            again.put("description", "  小区停水\n两天了 " + token + "  ");
            again.put("long", "119.680");
            again.put("lat", "30.640");
            again.put("address_string", "安吉县递铺街道  " + token + "小区");
            again.put("last_name", "王");
            again.put("first_name", " 五");
            again.put("email", "");
            again.put("service_code", "0601");
            again.put("api_key", "local-open311-key");
            Response retry = post(again);
            retry.then().statusCode(200);
            assertThat(retry.asString()).isEqualTo(first.asString());

            CloudEvent created = probe.await(EventTypes.TICKET_CREATED, e -> id.equals(number(e)), Duration.ofSeconds(60));
            // No second ticket.created for this request shows up while we watch (the first one did, so events flow).
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> probe.events(EventTypes.TICKET_CREATED, e -> address(e).contains(token)).size() == 1);
            assertThat(created.subject()).isEqualTo(ticketIdOf(id));
        }
        assertThat(countByPhone(phone)).isEqualTo(1);
    }

    @Test
    void anotherRequestIsAnotherTicket() {
        String phone = Tickets.freshPhone();
        String token = token();
        String id = post(form(phone, token)).then().statusCode(200).extract().path("[0].service_request_id");

        Map<String, String> otherText = form(phone, token);
        otherText.put("description", "小区停水三天了 " + token);
        Map<String, String> otherPlace = form(phone, token);
        otherPlace.put("lat", "30.65");
        Map<String, String> otherContact = form(phone, token);
        otherContact.put("email", "wang@example.org");
        Map<String, String> otherKey = form(phone, token);
        otherKey.put("api_key", "second-open311-key");
        List<String> ids = new ArrayList<>(List.of(id));
        for (Map<String, String> other : List.of(otherText, otherPlace, otherContact, otherKey)) {
            ids.add(post(other).then().statusCode(200).extract().path("[0].service_request_id"));
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(countByPhone(phone)).isEqualTo(5);
    }

    @Test
    void theSameRequestAfterTheWindowIsANewTicketThatIsIdempotentInTurn() {
        String phone = Tickets.freshPhone();
        String token = token();
        Map<String, String> form = form(phone, token);
        String id = post(form).then().statusCode(200).extract().path("[0].service_request_id");
        try {
            TestClock.get().advance(window.minusMinutes(1));
            assertThat((String) post(form).then().statusCode(200).extract().path("[0].service_request_id")).isEqualTo(id);
            TestClock.get().advance(Duration.ofMinutes(2));
            String later = post(form).then().statusCode(200).extract().path("[0].service_request_id");
            assertThat(later).isNotEqualTo(id);
            assertThat((String) post(form).then().statusCode(200).extract().path("[0].service_request_id")).isEqualTo(later);
        } finally {
            TestClock.get().reset();
        }
        assertThat(countByPhone(phone)).isEqualTo(2);
    }

    @Test
    void concurrentIdenticalPostsFileOneTicket() throws Exception {
        String phone = Tickets.freshPhone();
        String token = token();
        Map<String, String> form = form(phone, token);
        List<String> bodies = new ArrayList<>();
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            ExecutorService threads = Executors.newFixedThreadPool(10);
            try {
                List<Callable<Response>> calls = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    calls.add(() -> post(form));
                }
                for (Future<Response> future : threads.invokeAll(calls)) {
                    Response response = future.get();
                    assertThat(response.statusCode()).isEqualTo(200);
                    bodies.add(response.asString());
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(bodies).hasSize(10).allMatch(b -> b.equals(bodies.get(0)));
            probe.await(EventTypes.TICKET_CREATED, e -> address(e).contains(token), Duration.ofSeconds(60));
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> probe.events(EventTypes.TICKET_CREATED, e -> address(e).contains(token)).size() == 1);
        }
        assertThat(countByPhone(phone)).isEqualTo(1);
    }

    @Test
    void theIdempotencyStoreHoldsNoCitizenData() {
        String phone = Tickets.freshPhone();
        String token = token();
        String id = post(form(phone, token)).then().statusCode(200).extract().path("[0].service_request_id");
        var row = pool.preparedQuery("select k.key || ' ' || k.request_hash || ' ' || k.response || ' ' || k.expires_at"
                        + " from idempotency_key k join ticket t on t.id = k.ticket_id where t.number = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertThat(row.getString(0)).contains(id).doesNotContain(phone).doesNotContain(phone.substring(7))
                .doesNotContain(token).doesNotContain("停水").doesNotContain("王");
    }

    @Test
    void badInputIsStillA400AndFilesNothing() {
        String phone = Tickets.freshPhone();
        Map<String, String> form = form(phone, token());
        form.put("lat", "91");
        post(form).then().statusCode(400).body("[0].code", org.hamcrest.Matchers.equalTo(400));
        post(form).then().statusCode(400);
        assertThat(countByPhone(phone)).isZero();
    }

    private static Map<String, String> form(String phone, String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", "local-open311-key");
        form.put("service_code", "0601");
        form.put("lat", "30.64");
        form.put("long", "119.68");
        form.put("address_string", "安吉县递铺街道 " + token + "小区");
        form.put("description", "小区停水 两天了 " + token);
        form.put("first_name", "五");
        form.put("last_name", "王");
        form.put("phone", phone);
        form.put("media_url", "https://example.org/" + token + ".jpg");
        return form;
    }

    private static Response post(Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded").formParams(form).when().post("/open311/v2/requests.json");
    }

    /** Letters only, so masking (which looks for digit runs) leaves it readable in events. */
    private static String token() {
        StringBuilder token = new StringBuilder("R");
        for (int i = 0; i < 10; i++) {
            token.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return token.toString();
    }

    private static String number(CloudEvent event) {
        return EventCodec.decode(event, TicketCreated.class).number();
    }

    private static String address(CloudEvent event) {
        String address = EventCodec.decode(event, TicketCreated.class).address();
        return address == null ? "" : address;
    }

    private String ticketIdOf(String number) {
        return pool.preparedQuery("select cast(id as varchar) from ticket where number = $1").execute(Tuple.of(number))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
    }

    private long countByPhone(String phone) {
        return pool.preparedQuery("select count(*) from ticket where caller_phone_hmac = $1")
                .execute(Tuple.of(callerKeys.phone(phone)))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
