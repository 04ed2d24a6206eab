package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** No unmasked phone or ID number in any event, handler-visible response or log line. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class PrivacyTest {

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Duration BOUND = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void phonesNeverAppearUnmasked() throws Exception {
        String phone = Tickets.freshPhone();
        String idNumber = "33052319900101" + String.format("%04d", new java.util.Random().nextInt(10_000));
        String contentPhone = Tickets.freshPhone();
        String unit = "U-" + UUID.randomUUID();
        try (EventProbe tickets = EventProbe.open(bootstrap, Topics.TICKETS); EventProbe alerts = EventProbe.open(bootstrap, Topics.ALERTS)) {
            Map<String, Object> body = Tickets.simple(phone);
            body.put("caller", Map.of("name", "赵六", "phone", phone, "idNumber", idNumber));
            body.put("content", "请回电 " + contentPhone + "，楼下噪声扰民");
            String first = Tickets.create(body);
            // Three tickets from one caller: the repeat alert carries the caller too.
            body.put("content", "又一次噪声扰民");
            Tickets.create(body);
            String third = Tickets.create(body);
            // A rejected request with a phone in it must not echo it into the log either.
            Map<String, Object> bad = Tickets.simple(phone);
            bad.put("channel", "NOPE");
            Tickets.post(bad).then().statusCode(400);

            Dispatches.publish(bootstrap, EventTypes.DISPATCH_ASSIGNED, first, UUID.randomUUID().toString(), unit);
            tickets.await(EventTypes.TICKET_CREATED, e -> third.equals(e.subject()), BOUND);
            alerts.await(EventTypes.ALERT_REPEAT_COMPLAINANT, e -> third.equals(e.subject()), BOUND);
            TicketLifecycleTest.awaitStatus(first, "DISPATCHED");

            for (CloudEvent event : concat(tickets.events(), alerts.events())) {
                String data = new String(event.data(), StandardCharsets.UTF_8);
                assertThat(MOBILE.matcher(data).find()).as("unmasked mobile in %s %s", event.type(), data).isFalse();
                assertThat(data).doesNotContain(idNumber);
            }
            String handlerView = given().auth().oauth2(TestJwt.handler("h-priv", unit)).get("/api/v1/tickets/" + first)
                    .then().statusCode(200).extract().asString();
            String handlerList = given().auth().oauth2(TestJwt.handler("h-priv", unit)).get("/api/v1/tickets")
                    .then().statusCode(200).extract().asString();
            for (String response : List.of(handlerView, handlerList)) {
                assertThat(MOBILE.matcher(response).find()).as(response).isFalse();
                assertThat(response).doesNotContain(idNumber).contains(phone.substring(0, 3) + "****" + phone.substring(7));
            }
        }
        String log = Files.readString(Path.of("target/intake-test.log"), StandardCharsets.UTF_8);
        assertThat(log).as("the test log is being written").contains("intake-service");
        assertThat(log).doesNotContain(phone).doesNotContain(contentPhone).doesNotContain(idNumber);
    }

    private static List<CloudEvent> concat(List<CloudEvent> a, List<CloudEvent> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
