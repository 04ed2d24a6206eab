package cn.hotline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.assertj.core.api.SoftAssertions;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.hotline.events.CloudEventHeaders;
import cn.hotline.events.EventCodec;
import cn.hotline.events.EventTypes;
import cn.hotline.events.Topics;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.events.payload.UnitRef;

/**
 * Two replicas of each service side by side, started with {@code deploy/local/up.sh --replicas 2 --detach} on a
 * stack of its own (own Kafka broker, PostgreSQL, SMSC simulator, ports, Redis databases 9..12) and stopped with
 * {@code down.sh}. Forty tickets across Huzhou's five counties go alternately to intake replica 1 and 2 (some
 * re-posted to the other replica, some to both at once, with the same Idempotency-Key); a consumer reading every
 * {@code hotline.*} topic from the beginning then sees each ticket created once and dispatched once (the outbox
 * relays of two replicas do not double-publish, no CloudEvent id twice), sla arms each timer once and fires each
 * warning and breach of the urgent tickets once, and the SMSC gets each SMS once; every consumer group shares its
 * topics' partitions between the two replicas.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final Duration BOUND = Duration.ofMinutes(4);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String SHORT_SIGN = "PT40S";
    private static final int TICKETS = 40;
    /** The first ones are posted again, with the same key, to the other replica. */
    private static final int RETRIED = 6;
    /** The last ones go to both replicas at the same moment, with the same key. */
    private static final int CONCURRENT = 4;
    private static final String RUN = String.format("%04d", System.currentTimeMillis() / 1000 % 10_000);
    private static final RestAssuredConfig HTTP = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 60_000));

    /** The consumer groups (application.properties of each service) and the topics each reads. */
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("intake-service", List.of(Topics.DISPATCHES));
        GROUPS.put("routing-service", List.of(Topics.TICKETS));
        GROUPS.put("sla-service", List.of(Topics.TICKETS, Topics.DISPATCHES));
        GROUPS.put("notify-service", List.of(Topics.DISPATCHES, Topics.SLA, Topics.ALERTS));
    }

    /** County, then eight of its towns (streets); ticket i is in county i % 5 and town i / 5. */
    private static final String[][] PLACES = {
        {"吴兴区", "织里镇", "八里店镇", "妙西镇", "埭溪镇", "东林镇", "道场乡", "月河街道", "朝阳街道"},
        {"南浔区", "南浔镇", "双林镇", "练市镇", "善琏镇", "菱湖镇", "和孚镇", "千金镇", "石淙镇"},
        {"德清县", "武康街道", "舞阳街道", "乾元镇", "新市镇", "洛舍镇", "钟管镇", "雷甸镇", "禹越镇"},
        {"长兴县", "雉城街道", "画溪街道", "洪桥镇", "李家巷镇", "夹浦镇", "林城镇", "泗安镇", "煤山镇"},
        {"安吉县", "递铺街道", "昌硕街道", "孝丰镇", "天荒坪镇", "梅溪镇", "天子湖镇", "鄣吴镇", "杭垓镇"},
    };
    /**
     * Eight categories whose catalogue rule names a different county department as lead (enforcement, housing,
     * natural resources, HRSS, eco-environment, market, health, police), each staffed day and night: with the five
     * counties, every ticket goes to a unit of its own, with an on-duty handler of its own.
     */
    private static final String[][] MATTERS = {
        {"0102", "小区绿地被违章搭建占用"}, {"0103", "安置房交付后屋顶漏水"}, {"0104", "征地补偿款迟迟未发放"},
        {"0401", "工地拖欠农民工工资三个月"}, {"050101", "工厂夜间排放刺鼻废气"}, {"0701", "网购家电质量问题商家拒绝退货"},
        {"1001", "卫生院排队时间过长"}, {"0301", "路口信号灯故障车辆乱行"},
    };

    private static ReplicaStack stack;
    private static EventLog events;
    private static final List<Posted> posted = new ArrayList<>();
    private static boolean policyShortened;

    /** A ticket as intake answered it. */
    record Posted(int index, String key, String id, String number, boolean urgent, String body) {
    }

    @BeforeAll
    static void startTwoReplicasOfEachService() throws Exception {
        stack = new ReplicaStack(2);
        stack.up();
        events = new EventLog(stack.bootstrap());
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        try {
            if (events != null) {
                events.close();
            }
        } finally {
            if (stack != null) {
                stack.down();
            }
        }
    }

    @Test
    @Order(1)
    void ticketsThroughBothReplicasAreCreatedDispatchedTimedAndNotifiedOnce() throws Exception {
        shortenUrgentSignPolicy();

        // --- 40 tickets, alternately through intake replica 1 and 2; the last few through both at once.
        Map<Integer, Integer> createdBy = new TreeMap<>();
        for (int i = 0; i < TICKETS; i++) {
            String key = "r2e-" + RUN + "-" + i;
            Map<String, Object> body = ticket(i);
            if (i >= TICKETS - CONCURRENT) {
                CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> postTicket(1, key, body));
                CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> postTicket(2, key, body));
                Response one = first.get(2, TimeUnit.MINUTES);
                Response two = second.get(2, TimeUnit.MINUTES);
                assertThat(one.statusCode()).as("ticket %d at replica 1: %s", i, one.asString()).isEqualTo(201);
                assertThat(two.statusCode()).as("ticket %d at replica 2: %s", i, two.asString()).isEqualTo(201);
                assertThat(two.asString()).as("the same key at both replicas at once: one ticket, one body").isEqualTo(one.asString());
                createdBy.merge(1, 1, Integer::sum);
                createdBy.merge(2, 1, Integer::sum);
                posted.add(posted(i, key, one));
            } else {
                int replica = i % 2 + 1;
                Response response = postTicket(replica, key, body);
                assertThat(response.statusCode()).as("ticket %d at replica %d: %s", i, replica, response.asString()).isEqualTo(201);
                createdBy.merge(replica, 1, Integer::sum);
                posted.add(posted(i, key, response));
            }
        }
        // A retry of the same request reaching the other replica: the same ticket, the same answer.
        for (Posted ticket : posted.subList(0, RETRIED)) {
            int other = ticket.index() % 2 == 0 ? 2 : 1;
            Response again = postTicket(other, ticket.key(), ticket(ticket.index()));
            assertThat(again.statusCode()).as("retry of ticket %d at replica %d", ticket.index(), other).isEqualTo(201);
            assertThat(again.asString()).as("retry of ticket %d at replica %d", ticket.index(), other).isEqualTo(ticket.body());
        }
        assertThat(createdBy).as("201 answers per intake replica").containsOnlyKeys(1, 2);
        assertThat(createdBy.values()).allSatisfy(count -> assertThat(count).isPositive());
        assertThat(posted).extracting(Posted::id).doesNotHaveDuplicates();
        assertThat(posted).extracting(Posted::number).doesNotHaveDuplicates();
        Map<String, Posted> byId = posted.stream().collect(Collectors.toMap(Posted::id, p -> p, (a, b) -> a, LinkedHashMap::new));
        List<String> ids = List.copyOf(byId.keySet());
        List<String> urgent = posted.stream().filter(Posted::urgent).map(Posted::id).toList();

        // --- Kafka: created and dispatched.
        awaitEach("ticket.created and dispatch.assigned on Kafka", ids,
                id -> !events.of(EventTypes.TICKET_CREATED, id).isEmpty() && !events.of(EventTypes.DISPATCH_ASSIGNED, id).isEmpty());
        Map<String, DispatchEvent> dispatch = new LinkedHashMap<>();
        for (String id : ids) {
            DispatchEvent assigned = EventCodec.decode(events.of(EventTypes.DISPATCH_ASSIGNED, id).get(0).data(), DispatchEvent.class);
            assertThat(assigned.handlerId()).as("on-duty handler of the dispatch of ticket %s (%s)", id, assigned.lead()).isNotBlank();
            dispatch.put(id, assigned);
        }
        assertThat(dispatch.values()).extracting(d -> d.lead().unitCode()).as("every ticket has a lead unit of its own")
                .doesNotHaveDuplicates();

        // --- sla: the timers of every ticket, armed for its dispatch.
        awaitEach("SLA timers armed", ids, id -> timers(id).stream()
                .anyMatch(t -> "SIGN".equals(t.get("stage")) && dispatch.get(id).dispatchId().equals(t.get("dispatchId"))));

        // --- Who gets the SMS: the dispatch's handler; for urgent ones at the breach also the lead unit's leader.
        Map<String, String> handlerPhone = new HashMap<>();
        Map<String, String> leaderPhone = new HashMap<>();
        int n = 0;
        for (String id : ids) {
            int replica = n++ % 2 + 1;
            DispatchEvent d = dispatch.get(id);
            handlerPhone.put(id, as("dispatcher").when().get(stack.url("routing", replica) + "/api/v1/directory/people/" + d.handlerId())
                    .then().statusCode(200).extract().jsonPath().getString("phone"));
            if (byId.get(id).urgent()) {
                leaderPhone.put(id, as("dispatcher").when().get(stack.url("routing", replica) + "/api/v1/directory/units/" + d.lead().unitCode())
                        .then().statusCode(200).extract().jsonPath().getString("leader.phone"));
            }
        }

        // --- Urgent tickets: nobody signs, so the SIGN timer breaches; the breach SMS reach handler and leader.
        awaitEach("sla.breached of every urgent SIGN timer", urgent,
                id -> events.sla(id).stream().anyMatch(e -> e.type().equals(EventTypes.SLA_BREACHED) && "SIGN".equals(e.payload().stage())));
        // Dispatch SMS: at the SMSC, or (non-urgent only) deferred by notify for quiet hours.
        Map<String, String> dispatchNoticeStatus = new HashMap<>();
        awaitEach("the dispatch SMS of every ticket", ids, id -> {
            List<Map<String, Object>> notices = dispatchNotices(id);
            if (notices.isEmpty()) {
                return false;
            }
            String status = String.valueOf(notices.get(0).get("status"));
            dispatchNoticeStatus.put(id, status);
            boolean deferredQuietly = "DEFERRED".equals(status) && !byId.get(id).urgent();
            return deferredQuietly || !sms(handlerPhone.get(id), byId.get(id).number(), "派单通知").isEmpty();
        });
        // The warnings the SIGN timers fired before their breach (a warning whose instant passed before the timer
        // was armed is skipped, so read them); the URGENT SIGN chain sends the 50 % one to the handler.
        Map<String, List<String>> warningsFired = new HashMap<>();
        for (String id : urgent) {
            Map<String, Object> sign = timers(id).stream().filter(t -> "SIGN".equals(t.get("stage"))).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            List<String> fired = (List<String>) sign.get("warningsFired");
            warningsFired.put(id, List.copyOf(fired));
        }
        awaitEach("the warning and breach SMS of every urgent ticket", urgent,
                id -> !sms(handlerPhone.get(id), byId.get(id).number(), "超时告警").isEmpty()
                        && !sms(leaderPhone.get(id), byId.get(id).number(), "超时告警").isEmpty()
                        && (!warningsFired.get(id).contains("50") || !sms(handlerPhone.get(id), byId.get(id).number(), "时限预警").isEmpty()));

        // --- Settled: nothing waits in any replica's outbox and this consumer has read every topic to its end.
        await("outboxes drained and every topic read to its end").atMost(BOUND).pollInterval(POLL).untilAsserted(() -> {
            for (String service : ReplicaStack.SERVICES) {
                for (int replica = 1; replica <= stack.replicas(); replica++) {
                    int pending = as("admin").when().get(stack.url(service, replica) + "/api/v1/admin/outbox").then().statusCode(200)
                            .extract().jsonPath().getInt("pending");
                    assertThat(pending).as("%s replica %d outbox", service, replica).isZero();
                }
            }
            assertThat(events.caughtUp()).as("consumer at the end of every hotline.* partition").isTrue();
        });

        // --- Exactly once on Kafka.
        List<EventLog.Event> all = events.all();
        Map<String, Long> perId = all.stream().collect(Collectors.groupingBy(EventLog.Event::id, Collectors.counting()));
        assertThat(perId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("CloudEvent ids published more than once (of %d records)", all.size()).isEmpty();
        for (String type : List.of(EventTypes.TICKET_CREATED, EventTypes.DISPATCH_ASSIGNED)) {
            Map<String, Integer> counts = new TreeMap<>();
            ids.forEach(id -> counts.put(id, events.of(type, id).size()));
            assertThat(counts).as("%s records per ticket", type).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        }
        Map<String, Long> slaPoints = all.stream().filter(e -> e.topic().equals(Topics.SLA) && byId.containsKey(e.ticketId()))
                .collect(Collectors.groupingBy(ReplicasIT::point, TreeMap::new, Collectors.counting()));
        assertThat(slaPoints).as("sla events per (ticket, stage, point)").isNotEmpty()
                .allSatisfy((point, count) -> assertThat(count).as(point).isEqualTo(1L));

        // --- sla: one timer per stage; what fired on Kafka is what the SIGN timer recorded.
        for (String id : ids) {
            List<Map<String, Object>> timers = timers(id);
            assertThat(timers).extracting(t -> t.get("stage") + "@" + t.get("unitCode")).as("stages of ticket %s", id)
                    .doesNotHaveDuplicates();
            Map<String, Object> sign = timers.stream().filter(t -> "SIGN".equals(t.get("stage"))).findFirst().orElseThrow();
            assertThat(sign.get("dispatchId")).isEqualTo(dispatch.get(id).dispatchId());
            if (byId.get(id).urgent()) {
                // The lead's four stages, and a sign and a report stage for each assisting unit (issue 12).
                List<String> expected = new ArrayList<>(List.of("SIGN", "ARRIVE", "HANDLE", "CLOSE"));
                List<UnitRef> assisting = dispatch.get(id).assisting() == null ? List.of() : dispatch.get(id).assisting();
                assisting.forEach(unit -> expected.addAll(List.of("ASSIST_SIGN", "ASSIST_REPORT")));
                assertThat(timers).extracting(t -> (String) t.get("stage")).as("stages of urgent ticket %s", id)
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(timers).filteredOn(t -> ((String) t.get("stage")).startsWith("ASSIST_"))
                        .extracting(t -> (String) t.get("unitCode")).as("assisting units timed on ticket %s", id)
                        .containsExactlyInAnyOrderElementsOf(assisting.stream()
                                .flatMap(unit -> java.util.stream.Stream.of(unit.unitCode(), unit.unitCode())).toList());
                assertThat(sign.get("policyCode")).isEqualTo("URGENT");
                assertThat(sign.get("breached")).as("SIGN of %s breached", id).isEqualTo(true);
                assertThat(sign.get("warningsFired")).as("SIGN warnings of %s", id).isEqualTo(warningsFired.get(id));
                List<String> onKafka = events.sla(id).stream().map(EventLog.SlaRecord::payload)
                        .filter(p -> "SIGN".equals(p.stage()) && p.thresholdPercent() != null && p.thresholdPercent() < 100)
                        .map(p -> String.valueOf(p.thresholdPercent())).toList();
                assertThat(onKafka).as("SIGN warnings of %s on Kafka vs the timer", id)
                        .containsExactlyInAnyOrderElementsOf(warningsFired.get(id));
            }
        }

        // --- Exactly once at the SMSC, and once in notify's log.
        for (Posted ticket : posted) {
            String id = ticket.id();
            List<Map<String, Object>> notices = dispatchNotices(id);
            assertThat(notices).as("DISPATCH_ASSIGNED notifications of %s", id).hasSize(1);
            List<Map<String, Object>> dispatchSms = sms(handlerPhone.get(id), ticket.number(), "派单通知");
            if ("DEFERRED".equals(notices.get(0).get("status")) && !ticket.urgent()) {
                // quiet hours (non-urgent only): not sent yet, and never twice
                assertThat(dispatchSms).as("deferred dispatch SMS of %s to its handler", ticket.number()).hasSizeLessThanOrEqualTo(1);
            } else {
                assertThat(dispatchSms).as("dispatch SMS of %s to its handler", ticket.number()).hasSize(1);
            }
            if (ticket.urgent()) {
                assertThat(handlerPhone.get(id)).isNotEqualTo(leaderPhone.get(id));
                assertThat(sms(handlerPhone.get(id), ticket.number(), "超时告警")).as("breach SMS of %s to the handler", ticket.number())
                        .hasSize(1);
                assertThat(sms(leaderPhone.get(id), ticket.number(), "超时告警")).as("breach SMS of %s to the leader", ticket.number())
                        .hasSize(1);
                assertThat(sms(handlerPhone.get(id), ticket.number(), "时限预警")).as("50 %% warning SMS of %s", ticket.number())
                        .hasSize(warningsFired.get(id).contains("50") ? 1 : 0);
            }
        }

        // --- Both replicas of every consumer took part: each group's members share each topic's partitions.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap()))) {
            await("consumer groups of two replicas").atMost(BOUND).pollInterval(POLL).untilAsserted(() -> {
                for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group.getKey()))
                            .describedGroups().get(group.getKey()).get(30, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                    for (String topic : group.getValue()) {
                        List<Set<TopicPartition>> members = description.members().stream().map(MemberDescription::assignment)
                                .map(a -> a.topicPartitions().stream().filter(tp -> tp.topic().equals(topic)).collect(Collectors.toSet()))
                                .filter(s -> !s.isEmpty()).toList();
                        assertThat(members).as("%s members reading %s: %s", group.getKey(), topic, description)
                                .hasSize(stack.replicas() * consumersPerReplica(topic));
                        assertThat(members.stream().flatMap(Set::stream).distinct().count()).as("%s partitions of %s", group.getKey(), topic)
                                .isEqualTo(events.partitions(topic));
                        if (!topic.equals(Topics.ALERTS) && !topic.equals(Topics.SLA)) {
                            for (Set<TopicPartition> member : members) {
                                long consumed = member.stream().map(committed::get).filter(o -> o != null)
                                        .mapToLong(OffsetAndMetadata::offset).sum();
                                assertThat(consumed).as("%s member with %s has consumed records", group.getKey(), member).isPositive();
                            }
                        }
                    }
                }
            });
        }
        System.out.printf("ReplicasIT: %d tickets (%d urgent; 201 answers per intake replica %s), %d records on hotline.*,"
                + " %d sla points once each, dispatch SMS notices %s%n", ids.size(), urgent.size(), createdBy, all.size(),
                slaPoints.size(), dispatchNoticeStatus.values().stream()
                        .collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting())));
    }

    /**
     * Kafka consumers one replica runs for a channel on {@code topic}: the event flow's channels are configured with
     * {@code %prod.mp.messaging.incoming.<channel>.concurrency=3} (each service's application.properties), alerts with one.
     */
    private static int consumersPerReplica(String topic) {
        return topic.equals(Topics.ALERTS) ? 1 : 3;
    }

    /**
     * The URGENT policy was changed through sla replica 1 before any ticket existed: both replicas serve it, and
     * every urgent ticket's SIGN timer runs on it, whichever replica consumed its dispatch.
     */
    @Test
    @Order(2)
    void aPolicyChangedThroughOneSlaReplicaGovernsBoth() {
        shortenUrgentSignPolicy();
        SoftAssertions softly = new SoftAssertions();
        for (int replica = 1; replica <= stack.replicas(); replica++) {
            List<Map<String, Object>> stages = as("admin").when().get(stack.url("sla", replica) + "/api/v1/policies/URGENT")
                    .then().statusCode(200).extract().jsonPath().getList("stages");
            softly.assertThat(stages).filteredOn(s -> "SIGN".equals(s.get("stage"))).extracting(s -> s.get("duration"))
                    .as("URGENT SIGN duration served by sla replica %d after the PUT through replica 1", replica)
                    .containsExactly(SHORT_SIGN);
        }
        Map<String, Object> signDurations = new TreeMap<>();
        for (Posted ticket : posted.stream().filter(Posted::urgent).toList()) {
            signDurations.put(ticket.number(), timers(ticket.id()).stream().filter(t -> "SIGN".equals(t.get("stage")))
                    .map(t -> t.get("duration")).toList());
        }
        Map<String, Object> notShortened = new TreeMap<>(signDurations);
        notShortened.values().removeIf(List.of(SHORT_SIGN)::equals);
        softly.assertThat(notShortened).as("urgent tickets (created after the change) whose SIGN timer is not %s, of %d",
                SHORT_SIGN, signDurations.size()).isEmpty();
        softly.assertAll();
    }

    // --- the scenario's data -----------------------------------------------------------------------------

    private static Map<String, Object> ticket(int i) {
        String[] place = PLACES[i % PLACES.length];
        String[] matter = MATTERS[i / PLACES.length];
        boolean urgent = i % 3 == 0;
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("channel", i % 4 == 3 ? "APP" : "PHONE");
        ticket.put("kind", i % 2 == 0 ? "COMPLAINT" : "HELP");
        ticket.put("urgency", urgent ? "URGENT" : "NORMAL");
        ticket.put("categoryCode", matter[0]);
        ticket.put("content", matter[1] + "，请尽快处理（" + place[0] + place[1 + i / PLACES.length] + "）");
        ticket.put("caller", Map.of("name", "市民" + (100 + i), "phone", "137" + RUN + String.format("%04d", i)));
        ticket.put("location", Map.of("address", place[0] + place[1 + i / PLACES.length] + "人民路" + (i + 1) + "号"));
        return ticket;
    }

    private static Posted posted(int i, String key, Response response) {
        return new Posted(i, key, response.jsonPath().getString("id"), response.jsonPath().getString("number"), i % 3 == 0,
                response.asString());
    }

    /**
     * URGENT's SIGN stage shortened to 40 s (warnings at 50 % and 80 %), reminders pushed out to 10 minutes, through
     * the sla API of replica 1, as an administrator would.
     */
    private static synchronized void shortenUrgentSignPolicy() {
        if (policyShortened) {
            return;
        }
        String url = stack.url("sla", 1) + "/api/v1/policies/URGENT";
        Map<String, Object> policy = new HashMap<>(as("admin").when().get(url).then().statusCode(200).extract().jsonPath().getMap("$"));
        List<Map<String, Object>> stages = new ArrayList<>();
        for (Object stage : (List<?>) policy.get("stages")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = new HashMap<>((Map<String, Object>) stage);
            if ("SIGN".equals(copy.get("stage"))) {
                copy.put("duration", SHORT_SIGN);
                copy.put("reminderInterval", "PT10M");
            }
            stages.add(copy);
        }
        policy.put("stages", stages);
        as("admin").body(policy).when().put(url).then().statusCode(200);
        policyShortened = true;
    }

    // --- the APIs --------------------------------------------------------------------------------------------

    private static RequestSpecification as(String role) {
        try {
            return given().config(HTTP).auth().oauth2(stack.token(role)).contentType(ContentType.JSON).accept(ContentType.JSON);
        } catch (Exception e) {
            throw new IllegalStateException("no " + role + " token from token.sh", e);
        }
    }

    private static Response postTicket(int replica, String key, Map<String, Object> body) {
        return as("operator").header("Idempotency-Key", key).body(body).when().post(stack.url("intake", replica) + "/api/v1/tickets");
    }

    /** The ticket's SLA timers (empty while sla has none), from either replica. */
    private static List<Map<String, Object>> timers(String ticketId) {
        int replica = Math.floorMod(ticketId.hashCode(), 2) + 1;
        Response response = as("dispatcher").when().get(stack.url("sla", replica) + "/api/v1/tickets/" + ticketId + "/sla");
        return response.statusCode() == 200 ? response.jsonPath().getList("timers") : List.of();
    }

    /** notify's log of the ticket's dispatch SMS (SIGN level 1). */
    private static List<Map<String, Object>> dispatchNotices(String ticketId) {
        int replica = Math.floorMod(ticketId.hashCode(), 2) + 1;
        List<Map<String, Object>> all = as("supervisor").queryParam("ticketId", ticketId).when()
                .get(stack.url("notify", replica) + "/api/v1/notifications").then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(n -> "DISPATCH_ASSIGNED".equals(n.get("templateCode"))).toList();
    }

    /** What the SMSC got for {@code phone} naming ticket {@code number} with {@code keyword} (long texts reassembled). */
    private static List<Map<String, Object>> sms(String phone, String number, String keyword) {
        List<Map<String, Object>> messages = given().config(HTTP).accept(ContentType.JSON).when().get(stack.smscView() + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return messages.stream().filter(m -> String.valueOf(m.get("destination")).endsWith(phone))
                .filter(m -> String.valueOf(m.get("text")).contains(number) && String.valueOf(m.get("text")).contains(keyword))
                .toList();
    }

    /** Waits until {@code done} held for every item (once each); the failure names the items still waited for. */
    private static <T> void awaitEach(String what, Collection<T> items, Predicate<T> done) {
        Set<T> pending = new LinkedHashSet<>(items);
        await(what).atMost(BOUND).pollInterval(POLL).untilAsserted(() -> {
            pending.removeIf(done);
            assertThat(pending).as(what + ": still waiting for").isEmpty();
        });
    }

    /** (ticket, stage, point) of an sla.* record: the threshold (50, 80, 100 = breach), R&lt;n&gt; for reminders. */
    private static String point(EventLog.Event record) {
        SlaEvent e = record.sla();
        String point = e.sequence() != null && e.sequence() > 0 ? "R" + e.sequence() : String.valueOf(e.thresholdPercent());
        return record.type() + " " + e.ticketId() + " " + e.stage() + "@" + e.unitCode() + " " + point;
    }

    // --- every hotline.* record since the beginning ---------------------------------------------------------

    /** Reads every partition of every hotline.* topic of the stack's broker from offset 0, without a group. */
    static final class EventLog implements AutoCloseable {

        record Event(String topic, int partition, long offset, String key, String id, String type, String ticketId, byte[] data) {

            SlaEvent sla() {
                return EventCodec.decode(data, SlaEvent.class);
            }
        }

        record SlaRecord(String type, SlaEvent payload) {
        }

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<TopicPartition> partitions = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();
        private static final Duration READ_EVERY = Duration.ofMillis(500);
        private long lastRead = System.nanoTime() - READ_EVERY.toNanos() - 1;

        EventLog(String bootstrap) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(props);
            for (String topic : Topics.ALL) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(60))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Everything read so far, after reading what arrived (at most every half second: callers ask per ticket). */
        synchronized List<Event> all() {
            if (System.nanoTime() - lastRead > READ_EVERY.toNanos()) {
                read();
            }
            return List.copyOf(events);
        }

        private void read() {
            ConsumerRecords<String, byte[]> batch;
            do {
                batch = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> r : batch) {
                    JsonNode data = EventCodec.decode(r.value(), JsonNode.class);
                    events.add(new Event(r.topic(), r.partition(), r.offset(), r.key(), header(r, CloudEventHeaders.ID),
                            header(r, CloudEventHeaders.TYPE), data.path("ticketId").asText(null), r.value()));
                }
            } while (!batch.isEmpty());
            lastRead = System.nanoTime();
        }

        /** Records of {@code type} about ticket {@code ticketId}. */
        List<Event> of(String type, String ticketId) {
            return all().stream().filter(e -> type.equals(e.type()) && ticketId.equals(e.ticketId())).toList();
        }

        List<SlaRecord> sla(String ticketId) {
            return all().stream().filter(e -> e.topic().equals(Topics.SLA) && ticketId.equals(e.ticketId()))
                    .map(e -> new SlaRecord(e.type(), e.sla())).toList();
        }

        /** True when this consumer has read every partition up to its end offset. */
        synchronized boolean caughtUp() {
            read();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            return partitions.stream().allMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) >= ends.get(tp));
        }

        long partitions(String topic) {
            return partitions.stream().filter(tp -> tp.topic().equals(topic)).count();
        }

        @Override
        public synchronized void close() {
            consumer.close();
        }

        private static String header(ConsumerRecord<String, byte[]> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
