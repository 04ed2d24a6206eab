package cn.hotline.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static cn.hotline.testsupport.FoundationEvents.batch;
import static cn.hotline.testsupport.FoundationEvents.event;
import static cn.hotline.testsupport.FoundationEvents.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.NotificationEvent;
import cn.hotline.support.inbox.EventHandlingConfig;
import cn.hotline.support.inbox.IdempotentConsumer;
import cn.hotline.support.inbox.InboxPurge;
import cn.hotline.support.outbox.AfterCommit;
import cn.hotline.support.outbox.OutboxWriter;
import cn.hotline.support.redis.RedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What every service must show against the real servers: migrations applied, Redis reachable, an event
 * through the outbox and real Kafka to an idempotent consumer (sent twice, applied once), the relay's wake-up after commit only, a batch applied
 * once in one transaction with a poison record isolated, the inbox purged by age, readiness, and 401/403 on the API. A service's {@code FoundationTest} extends this with its own test resource.
 */
public abstract class ServiceFoundationContract {

    private static final Duration KAFKA_BOUND = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    OutboxWriter outbox;

    @Inject
    RedisConnection redis;

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    MeterRegistry registry;

    @Inject
    InboxPurge inboxPurge;

    @Inject
    EventHandlingConfig handling;

    @Inject
    java.time.Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void migrationsAreApplied() {
        long applied = pool.query("select count(*) from flyway_schema_history where success").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        long outboxTables = pool.query("select count(*) from information_schema.tables"
                        + " where table_name in ('outbox_event', 'processed_event')").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertThat(applied).as("successful Flyway migrations").isGreaterThanOrEqualTo(1);
        assertThat(outboxTables).isEqualTo(2);
    }

    @Test
    void redisIsReachable() {
        String key = "foundation:" + UUID.randomUUID();
        var commands = redis.get().sync();
        assertThat(commands.ping()).isEqualTo("PONG");
        commands.setex(key, 60, "here");
        assertThat(commands.get(key)).isEqualTo("here");
    }

    @Test
    void eventRoundTripsThroughOutboxAndKafkaAndIsAppliedOnce() throws Throwable {
        String ticketId = FoundationProbeConsumer.TICKET_PREFIX + UUID.randomUUID();
        NotificationEvent sent = notification(ticketId);
        try (EventProbe probe = EventProbe.open(bootstrap, Topics.NOTIFICATIONS)) {
            CloudEvent written = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> outbox.append(EventTypes.NOTIFICATION_SENT, ticketId, sent)));

            CloudEvent onKafka = probe.await(EventTypes.NOTIFICATION_SENT, e -> e.id().equals(written.id()), KAFKA_BOUND);
            assertThat(onKafka.subject()).isEqualTo(ticketId);
            assertThat(EventCodec.decode(onKafka, NotificationEvent.class).schemaVersion()).isEqualTo(1);
            probe.await(EventTypes.NOTIFICATION_DELIVERED, e -> ticketId.equals(e.subject()), KAFKA_BOUND);

            double duplicatesBefore = duplicates();
            EventProbe.publish(bootstrap, onKafka);
            Awaitility.await().atMost(KAFKA_BOUND).until(() -> duplicates() > duplicatesBefore);

            assertThat(probe.events(EventTypes.NOTIFICATION_DELIVERED, e -> ticketId.equals(e.subject())))
                    .as("the redelivered event must not be applied again").hasSize(1);
            long claims = pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(written.id()))
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
            assertThat(claims).isEqualTo(1);
        }
    }

    @Test
    void theRelayPublishesEveryCommittedEventAndLetsItsLockGoOnceCaughtUp() throws Throwable {
        String ticketId = FoundationProbeConsumer.TICKET_PREFIX + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> outbox.append(EventTypes.NOTIFICATION_SENT, ticketId, notification(ticketId)))).id());
        }
        Awaitility.await().atMost(KAFKA_BOUND).until(() -> pool.preparedQuery(
                        "select count(*) from outbox_event where id = any($1) and published_at is not null")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(ids.toArray(new String[0])))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) == ids.size());
        // Nothing is pending: no run may keep the relay lock (a leaked lock would stop every later run).
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pool.preparedQuery("select count(*) from pg_locks"
                        + " where locktype = 'advisory' and classid::bigint * 4294967296 + objid::bigint = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(cn.hotline.support.outbox.OutboxRelay.RELAY_LOCK))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) == 0);
    }

    @Test
    void theRelaysWakeUpRunsAfterACommitAndNeverAfterARollback() throws Throwable {
        AtomicInteger ran = new AtomicInteger();
        Boolean registered = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .map(session -> AfterCommit.onSession(session, ran::incrementAndGet))
                .invoke(() -> assertThat(ran.get()).as("not before the commit").isZero())));
        assertThat(registered).as("the Hibernate Reactive session takes a commit callback").isTrue();
        assertThat(ran).hasValue(1);

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .map(session -> AfterCommit.onSession(session, ran::incrementAndGet))
                .flatMap(ignored -> Uni.createFrom().failure(new IllegalStateException("rolled back"))))))
                .hasMessageContaining("rolled back");
        assertThat(ran).as("a rolled-back transaction wakes nobody").hasValue(1);

        pool.withTransaction(conn -> conn.query("select 1").execute()
                .invoke(() -> AfterCommit.onConnection(conn, ran::incrementAndGet))).await().atMost(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAtomic(ran, org.hamcrest.Matchers.is(2));
        assertThatThrownBy(() -> pool.withTransaction(conn -> conn.query("select 1").execute()
                .invoke(() -> AfterCommit.onConnection(conn, ran::incrementAndGet))
                .flatMap(ignored -> Uni.createFrom().failure(new IllegalStateException("rolled back"))))
                .await().atMost(Duration.ofSeconds(10))).hasMessageContaining("rolled back");
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAtomic(ran, org.hamcrest.Matchers.is(2));
    }

    @Test
    void aBatchIsAppliedOnceInOrderAndAPoisonRecordCostsOnlyItself() throws Throwable {
        String consumer = "foundation-batch-" + UUID.randomUUID().toString().substring(0, 8);
        String ticketId = FoundationProbeConsumer.TICKET_PREFIX + UUID.randomUUID();
        CloudEvent first = event(ticketId, EventTypes.NOTIFICATION_SENT, EventCodec.encode(notification(ticketId)));
        CloudEvent second = event(ticketId, EventTypes.NOTIFICATION_SENT, EventCodec.encode(notification(ticketId)));
        CloudEvent poison = event(ticketId, EventTypes.NOTIFICATION_SENT, "{not json".getBytes(StandardCharsets.UTF_8));
        CloudEvent ignored = event(ticketId, EventTypes.NOTIFICATION_FAILED, "{not json either".getBytes(StandardCharsets.UTF_8));
        CloudEvent third = event(ticketId, EventTypes.NOTIFICATION_SENT, EventCodec.encode(notification(ticketId)));
        ConsumerRecords<String, byte[]> batch = batch(first, second, poison, first, ignored, third);
        List<String> applied = Collections.synchronizedList(new ArrayList<>());

        VertxContextSupport.subscribeAndAwait(() -> idempotent.handleBatch(consumer, batch, Set.of(EventTypes.NOTIFICATION_SENT),
                event -> answer(event, applied)));

        assertThat(delivered(ticketId)).as("each good event's effect committed exactly once").isEqualTo(3);
        assertThat(claims(consumer)).as("the good events are claimed; the poison and the ignored type are not").isEqualTo(3);
        assertThat(applied).as("the whole batch first, rolled back at the poison, then one by one in order")
                .containsExactly(first.id(), second.id(), first.id(), second.id(), third.id());
        assertThat(count("hotline.events.skipped", consumer)).isEqualTo(1);
        assertThat(count("hotline.events.batch-fallbacks", consumer)).isEqualTo(1);

        applied.clear();
        VertxContextSupport.subscribeAndAwait(() -> idempotent.handleBatch(consumer, batch, Set.of(EventTypes.NOTIFICATION_SENT),
                event -> answer(event, applied)));
        assertThat(delivered(ticketId)).as("a redelivered batch changes nothing").isEqualTo(3);
        assertThat(applied).isEmpty();
        assertThat(count("hotline.events.duplicates", consumer)).isGreaterThanOrEqualTo(3);
    }

    private Uni<Void> answer(CloudEvent event, List<String> applied) {
        NotificationEvent sent = EventCodec.decode(event, NotificationEvent.class);
        applied.add(event.id());
        return outbox.append(EventTypes.NOTIFICATION_DELIVERED, sent.ticketId(), sent).replaceWithVoid();
    }

    private long delivered(String ticketId) {
        return pool.preparedQuery("select count(*) from outbox_event where subject = $1 and type = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(ticketId, EventTypes.NOTIFICATION_DELIVERED))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private long claims(String consumer) {
        return pool.preparedQuery("select count(*) from processed_event where consumer = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(consumer))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private double count(String meter, String consumer) {
        var counter = registry.find(meter).tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theInboxForgetsAppliedEventsOlderThanItsRetentionAndKeepsTheRest() {
        java.time.OffsetDateTime cutoff = java.time.OffsetDateTime.ofInstant(
                clock.instant().minus(handling.inboxRetention()), java.time.ZoneOffset.UTC);
        String old = "inbox-old-" + UUID.randomUUID();
        String kept = "inbox-kept-" + UUID.randomUUID();
        pool.preparedQuery("insert into processed_event (event_id, consumer, event_type, processed_at) values"
                        + " ($1, 'foundation', 'test', $2), ($3, 'foundation', 'test', $4)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(old, cutoff.minusDays(1), kept, cutoff.plusHours(1)))
                .await().atMost(Duration.ofSeconds(10));

        int deleted = inboxPurge.purge().await().atMost(Duration.ofSeconds(30));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(inboxRows(old)).as("older than the retention").isZero();
        assertThat(inboxRows(kept)).as("within the retention").isEqualTo(1);
    }

    private long inboxRows(String eventId) {
        return pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(eventId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    @Test
    void readinessCoversDatabaseKafkaAndRedis() {
        Awaitility.await().atMost(KAFKA_BOUND).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("redis", "Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check")));
    }

    @Test
    void apiNeedsAToken() {
        given().when().get("/api/v1/admin/outbox").then().statusCode(401);
    }

    @Test
    void apiRefusesTheWrongRole() {
        given().auth().oauth2(TestJwt.token("operator")).when().get("/api/v1/admin/outbox").then().statusCode(403);
        given().auth().oauth2(TestJwt.token("admin")).when().get("/api/v1/admin/outbox").then().statusCode(200);
    }

    @Test
    void operationalEndpointsArePublic() {
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    private double duplicates() {
        return count("hotline.events.duplicates", FoundationProbeConsumer.CONSUMER);
    }
}
