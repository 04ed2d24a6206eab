package cn.hotline.notify;

import cn.hotline.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.config.SmppConfig;
import cn.hotline.notify.gateway.GatewayRouter;
import cn.hotline.notify.repository.NotificationBatchRepository;
import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.notify.repository.ReminderLadderLevelRepository;
import cn.hotline.notify.repository.ReminderLadderStopRepository;
import cn.hotline.notify.repository.ScheduledLevelRepository;
import cn.hotline.notify.repository.TicketContextRepository;
import cn.hotline.notify.repository.WorkClaimRepository;
import cn.hotline.notify.service.LevelFirer;
import cn.hotline.notify.service.MessageVariables;
import cn.hotline.notify.service.NotificationRecorder;
import cn.hotline.notify.service.NotificationService;
import cn.hotline.notify.service.QuietHours;
import cn.hotline.notify.service.RateLimiter;
import cn.hotline.notify.service.RecipientResolver;
import cn.hotline.notify.service.ReminderLadderScheduler;
import cn.hotline.notify.service.Replica;
import cn.hotline.notify.service.SendLanes;
import cn.hotline.notify.service.TemplateCatalog;
import cn.hotline.notify.service.Tx;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Two replicas against one database and one SMSC: this application (its scheduled worker plus a busy loop) and a
 * second replica built from the same classes with its own name, claims and sending lanes. They race for 60 due
 * levels, 20 messages a crashed replica left PENDING and 10 deferred ones; every SMS reaches the simulator once.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class TwoReplicasTest extends NotifyTestBase {

    @Inject Tx tx;
    @Inject Pool pool;
    @Inject ReminderLadderScheduler ladder;
    @Inject LevelFirer firerA;
    @Inject NotificationService senderA;
    @Inject Replica replicaA;
    @Inject ScheduledLevelRepository scheduled;
    @Inject ReminderLadderLevelRepository levels;
    @Inject ReminderLadderStopRepository stops;
    @Inject TicketContextRepository contexts;
    @Inject RecipientResolver recipients;
    @Inject MessageVariables variables;
    @Inject NotificationRepository notifications;
    @Inject NotificationRecorder recorder;
    @Inject NotificationBatchRepository batches;
    @Inject GatewayRouter router;
    @Inject TemplateCatalog templates;
    @Inject QuietHours quietHours;
    @Inject RateLimiter rateLimiter;
    @Inject NotifyConfig config;
    @Inject SmppConfig smppConfig;
    @Inject ObjectMapper json;
    @Inject Clock clock;
    @Inject WorkClaimRepository claims;
    @Inject cn.hotline.notify.service.FieldLinkText fieldLinks;

    @Test
    void twoReplicasSendEachDueLevelCrashLeftoverAndDeferredMessageExactlyOnce() {
        String prefix = id("rep");
        String unit = id("U");
        Instant due = TestClock.get().instant().plus(Duration.ofHours(1));
        List<DueWork.Notice> notices = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            notices.add(DueWork.notice(prefix, i, "HZ" + prefix + i, RoutingStub.phone(), due.plusMillis(i)));
        }
        DueWork.schedule(tx, ladder, routing, unit, notices);
        List<String> crashLeft = insert(prefix + "-crash", 20, "PENDING", "crashed-replica", "now() - interval '1 second'", null);
        List<String> deferred = insert(prefix + "-deferred", 10, "DEFERRED", null, "null", due);
        List<String> leasedByLive = insert(prefix + "-live", 5, "PENDING", "live-replica", "now() + interval '10 minutes'", null);

        Replica replicaB = new Replica(config) {
            @Override
            public String name() {
                return "replica-b";
            }
        };
        SendLanes lanesB = new SendLanes(smppConfig);
        NotificationService senderB = new NotificationService(notifications, stops, recorder, router, templates,
                quietHours, rateLimiter, config, json, tx, clock, claims, lanesB, replicaB, batches);
        LevelFirer firerB = new LevelFirer(scheduled, levels, stops, contexts, recipients, variables, senderB, json, tx,
                clock, config, claims, replicaB, fieldLinks);
        AtomicInteger roundsA = new AtomicInteger();
        AtomicInteger roundsB = new AtomicInteger();
        ScheduledExecutorService loops = Executors.newScheduledThreadPool(2);
        try {
            loops.scheduleWithFixedDelay(() -> round(firerA, senderA, roundsA), 0, 20, TimeUnit.MILLISECONDS);
            loops.scheduleWithFixedDelay(() -> round(firerB, senderB, roundsB), 0, 20, TimeUnit.MILLISECONDS);
            TestClock.get().set(due.plusSeconds(1));

            List<String> expected = new ArrayList<>(notices.stream().map(DueWork.Notice::phone).toList());
            expected.addAll(crashLeft);
            expected.addAll(deferred);
            await().until(() -> received(expected), counts -> counts.values().stream().allMatch(c -> c >= 1));
            await().until(() -> unsent(prefix) == 0);
            int a = roundsA.get();
            int b = roundsB.get();
            await().until(() -> roundsA.get() >= a + 5 && roundsB.get() >= b + 5);

            Map<String, Integer> counts = received(expected);
            assertThat(counts.values()).as("SMS per recipient at the simulator").hasSize(90).containsOnly(1);
            assertThat(received(leasedByLive).values()).as("a live replica's lease is respected").containsOnly(0);
            Map<String, Long> firedBy = count("select claimed_by, count(*) from scheduled_level where ticket_id like $1"
                    + " and status = 'FIRED' group by claimed_by", prefix + "-t%");
            assertThat(firedBy).as("levels fired per replica").containsKeys(replicaA.name(), "replica-b");
            assertThat(firedBy.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
            Map<String, Long> resentBy = count("select claimed_by, count(*) from notification where ticket_id like $1"
                    + " and status in ('SENT', 'DELIVERED') group by claimed_by", prefix + "-%");
            assertThat(resentBy).doesNotContainKey("crashed-replica");
            assertThat(resentBy.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(90);
            System.out.printf("two replicas: levels fired %s, messages sent %s, rounds A=%d B=%d%n", firedBy, resentBy,
                    roundsA.get(), roundsB.get());
        } finally {
            loops.shutdownNow();
            lanesB.close();
            pool.preparedQuery("update notification set status = 'CANCELLED' where ticket_id like $1 and status = 'PENDING'")
                    .execute(Tuple.of(prefix + "-live%")).await().atMost(Duration.ofSeconds(10));
        }
    }

    private static void round(LevelFirer firer, NotificationService sender, AtomicInteger rounds) {
        try {
            firer.fireDue(4);
            sender.retryDue(4);
        } catch (RuntimeException e) {
            System.out.println("replica round failed: " + e);
        }
        rounds.incrementAndGet();
    }

    /** Inserts {@code n} messages as another replica left them; returns their phones. */
    private List<String> insert(String ticketPrefix, int n, String status, String claimedBy, String claimedUntil, Instant next) {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String phone = RoutingStub.phone();
            phones.add(phone);
            pool.preparedQuery("insert into notification (id, dedup_key, ticket_id, scope, stage, level, recipient_id,"
                    + " recipient_role, recipient_phone, template_code, params, text, encoding, length, segments, urgent,"
                    + " status, attempts, next_attempt_at, created_at, version, claimed_by, claim_token, claimed_until)"
                    + " values ($1, $2, $3, $3, 'SIGN', 1, null, 'HANDLER', $4, 'SLA_WARNING', '{}', $5, 'UCS2', 12, 1,"
                    + " true, $6, 0, $7, $8, 0, $9, $10, " + claimedUntil + ")")
                    .execute(Tuple.from(List.of(UUID.randomUUID(), ticketPrefix + i + "|key", ticketPrefix + i, phone,
                            "【湖州12345】接力测试" + i, status))
                            .addOffsetDateTime(next == null ? null : next.atOffset(java.time.ZoneOffset.UTC))
                            .addOffsetDateTime(TestClock.get().instant().atOffset(java.time.ZoneOffset.UTC))
                            .addString(claimedBy).addUUID(claimedBy == null ? null : UUID.randomUUID()))
                    .await().atMost(Duration.ofSeconds(10));
        }
        return phones;
    }

    private Map<String, Integer> received(List<String> phones) {
        Map<String, Integer> counts = new HashMap<>();
        phones.forEach(p -> counts.put(p, 0));
        for (Map<String, Object> m : smsc.all()) {
            counts.computeIfPresent((String) m.get("destination"), (k, v) -> v + 1);
        }
        return counts;
    }

    private long unsent(String prefix) {
        return pool.preparedQuery("select (select count(*) from notification where ticket_id like $1"
                + " and status in ('PENDING', 'DEFERRED') and ticket_id not like $2)"
                + " + (select count(*) from scheduled_level where ticket_id like $1 and status = 'PENDING')")
                .execute(Tuple.of(prefix + "-%", prefix + "-live%")).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private Map<String, Long> count(String sql, String like) {
        Map<String, Long> out = new HashMap<>();
        for (Row row : pool.preparedQuery(sql).execute(Tuple.of(like)).await().atMost(Duration.ofSeconds(10))) {
            out.put(row.getString(0), row.getLong(1));
        }
        return out.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
