package cn.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.TicketCreated;
import cn.hotline.events.payload.TicketTransferredOut;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** 12345 ↔ 110: transfers in keep the incident number and are URGENT; transfers out end the ticket; both leave a trail. */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class PoliceLinkTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Test
    void transferFrom110KeepsIncidentNumberIsUrgentAndIdempotent() {
        String incident = "110-" + UUID.randomUUID().toString().substring(0, 12);
        Map<String, Object> body = Map.of("incidentNumber", incident, "content", "小区路灯损坏，夜间无照明",
                "categoryCode", "0304", "location", Map.of("address", "吴兴区织里镇"),
                "caller", Map.of("name", "李四", "phone", Tickets.freshPhone()));
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            Response created = given().auth().oauth2(TestJwt.token("operator")).contentType("application/json").body(body)
                    .post("/api/v1/police-transfers");
            created.then().statusCode(201);
            String id = created.path("id");
            assertThat((String) created.path("channel")).isEqualTo("POLICE_110");
            assertThat((String) created.path("urgency")).isEqualTo("URGENT");
            assertThat((String) created.path("externalRef")).isEqualTo(incident);
            assertThat((List<String>) created.path("flags")).contains("POLICE_LINKED");
            TicketCreated event = EventCodec.decode(probe.await(EventTypes.TICKET_CREATED, e -> id.equals(e.subject()), BOUND),
                    TicketCreated.class);
            assertThat(event.urgency()).isEqualTo("URGENT");
            assertThat(event.channel()).isEqualTo("POLICE_110");
            // The same incident again: the same ticket and answer.
            String again = given().auth().oauth2(TestJwt.token("operator")).contentType("application/json").body(body)
                    .post("/api/v1/police-transfers").then().statusCode(201).extract().asString();
            assertThat(again).isEqualTo(created.asString());
            assertThat(trail(id)).extracting(r -> r.getString("action") + ":" + r.getString("reference"))
                    .containsExactly("TRANSFERRED_IN:" + incident);
        }
        given().auth().oauth2(TestJwt.token("operator")).contentType("application/json")
                .body(Map.of("content", "缺少警情编号", "location", Map.of("address", "吴兴区织里镇")))
                .post("/api/v1/police-transfers").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("incidentNumber"));
    }

    @Test
    void transferOutTo110() {
        String id = Tickets.create(Tickets.simple(Tickets.freshPhone()));
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            given().auth().oauth2(TestJwt.token("dispatcher")).contentType("application/json")
                    .body(Map.of("reason", "涉及打架斗殴，属警情")).post("/api/v1/tickets/" + id + "/transfer-out")
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("TRANSFERRED_OUT"));
            TicketTransferredOut out = EventCodec.decode(
                    probe.await(EventTypes.TICKET_TRANSFERRED_OUT, e -> id.equals(e.subject()), BOUND), TicketTransferredOut.class);
            assertThat(out.target()).isEqualTo("110");
            assertThat(out.reason()).isEqualTo("涉及打架斗殴，属警情");
            assertThat(out.transferredBy()).isEqualTo("test-dispatcher");
        }
        // The hand-over to 110 adds its own entries (PoliceHandoverTest); the transfer itself is one.
        assertThat(trail(id)).extracting(r -> r.getString("action")).filteredOn(a -> !a.startsWith("HANDOVER_"))
                .containsExactly("TRANSFERRED_OUT");
        given().auth().oauth2(TestJwt.token("dispatcher")).contentType("application/json")
                .body(Map.of("reason", "再次移交")).post("/api/v1/tickets/" + id + "/transfer-out").then().statusCode(409);
        given().auth().oauth2(TestJwt.token("dispatcher")).contentType("application/json")
                .body(Map.of("reason", " ")).post("/api/v1/tickets/" + id + "/transfer-out").then().statusCode(400);
    }

    private List<Row> trail(String id) {
        List<Row> rows = new java.util.ArrayList<>();
        pool.preparedQuery("select action, reference from ticket_trail where ticket_id = $1::uuid order by id")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }
}
