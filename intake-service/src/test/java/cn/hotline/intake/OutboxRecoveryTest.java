package cn.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.testsupport.EventProbe;
import cn.hotline.testsupport.HotlineTestResource;
import cn.hotline.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * "Killed right after the 201": the answer is sent only after the ticket and its outbox row committed together,
 * so whatever happens to the process afterwards, a relay publishes the row. The test stands in for the dead
 * process by holding the relay lock (the PostgreSQL advisory lock every relay instance must take to publish):
 * while held, nothing of this service reaches Kafka, exactly as if the process had died before its relay ran.
 * Releasing it is the restart; the committed row must then reach Kafka without any further request.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "intake"), @ResourceArg(name = "redisDb", value = "11")})
class OutboxRecoveryTest {

    /** OutboxRelay's advisory lock key (service-support, private constant "hotline" in hex). */
    private static final long RELAY_LOCK = cn.hotline.support.outbox.OutboxRelay.RELAY_LOCK;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Test
    void createdEventIsPublishedFromTheCommittedOutboxAfterARestart() {
        SqlConnection blocker = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        boolean released = false;
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.TICKETS)) {
            blocker.query("select pg_advisory_lock(" + RELAY_LOCK + ")").execute().await().atMost(Duration.ofSeconds(30));

            String id = Tickets.post(Tickets.simple(Tickets.freshPhone())).then().statusCode(201).extract().path("id");
            // After the 201 the ticket and its event are both committed, the event not yet published.
            long pending = pool.preparedQuery("select count(*) from outbox_event where subject = $1 and type = $2"
                            + " and published_at is null").execute(Tuple.of(id, EventTypes.TICKET_CREATED))
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
            assertThat(pending).isEqualTo(1);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> probe.events(EventTypes.TICKET_CREATED, e -> id.equals(e.subject())).isEmpty());

            blocker.query("select pg_advisory_unlock(" + RELAY_LOCK + ")").execute().await().atMost(Duration.ofSeconds(10));
            released = true;
            probe.await(EventTypes.TICKET_CREATED, e -> id.equals(e.subject()), Duration.ofSeconds(60));
            AtomicReference<Long> published = new AtomicReference<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                published.set(pool.preparedQuery("select count(*) from outbox_event where subject = $1 and published_at is not null")
                        .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
                return published.get() >= 1;
            });
            assertThat(probe.events(EventTypes.TICKET_CREATED, e -> id.equals(e.subject()))).hasSize(1);
        } finally {
            if (!released) {
                blocker.query("select pg_advisory_unlock_all()").execute().await().atMost(Duration.ofSeconds(10));
            }
            blocker.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void outboxAdminShowsNoBacklogOnceDrained() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> io.restassured.RestAssured.given()
                .auth().oauth2(TestJwt.token("admin")).get("/api/v1/admin/outbox").then().statusCode(200)
                .extract().<Integer>path("pending") == 0);
    }
}
