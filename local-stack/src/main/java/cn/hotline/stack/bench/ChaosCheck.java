package cn.hotline.stack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * After a chaos run: waits until the suite has settled (no unpublished outbox row, no consumer lag), then
 * checks from each service's own tables, Kafka and the SMSC simulator that nothing was lost or doubled, and
 * prints one table. {@link #failures} counts the rows that failed.
 */
final class ChaosCheck {

    private static final List<String> GROUPS = List.of("intake-service", "routing-service", "sla-service", "notify-service");
    private static final String ACTIVE_DISPATCH = "('UNASSIGNED','ASSIGNED','SIGNED','ARRIVED','HANDLING','RETURNED')";

    private final String pg;
    private final String dbPrefix;
    private final String bootstrap;
    private final String smsc;
    private final List<Long> notifyKills;
    private final List<String[]> rows = new ArrayList<>();
    int failures;
    private long republished;

    ChaosCheck(String pg, String dbPrefix, String bootstrap, String smsc, List<Long> notifyKills) {
        this.pg = pg;
        this.dbPrefix = dbPrefix;
        this.bootstrap = bootstrap;
        this.smsc = smsc;
        this.notifyKills = notifyKills;
    }

    /** True once every ticket and dispatch event is consumed and no backlog is left (twice, 10 s apart) within {@code bound}. */
    boolean settle(Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            long pending = 0;
            for (String service : List.of("intake", "routing", "sla", "notify")) {
                pending += single(service, "select count(*) from outbox_event where published_at is null");
            }
            long[] lag = lag();
            System.out.printf("  settling: %d unpublished outbox rows, consumer lag %d on tickets/dispatches, %d in all%n",
                    pending, lag[0], lag[1]);
            // Warnings, breaches and reminders keep flowing for hours after a run (outbox rows and lag on hotline.sla);
            // what the checks need is every ticket and dispatch event consumed, and no backlog.
            quiet = lag[0] == 0 && pending <= 200 && lag[1] <= 1000 ? quiet + 1 : 0;
            if (quiet >= 2) {
                return true;
            }
            TimeUnit.SECONDS.sleep(10);
        }
        return false;
    }

    void check(int total, Map<String, String> accepted) throws Exception {
        Set<String> ids = new HashSet<>(accepted.values());
        row("tickets accepted (HTTP 201)", total, accepted.size(), accepted.size() == total);
        row("distinct ticket ids among them", accepted.size(), ids.size(), ids.size() == accepted.size());
        String[] idArray = ids.toArray(String[]::new);

        long stored = single("intake", "select count(*) from ticket where id = any(cast(? as uuid[]))", (Object) idArray);
        long numbers = single("intake", "select count(distinct number) from ticket where id = any(cast(? as uuid[]))", (Object) idArray);
        row("tickets stored (intake), exactly once each", ids.size(), stored, stored == ids.size());
        row("distinct ticket numbers", stored, numbers, numbers == stored);

        Map<String, Long> created = kafkaCount("hotline.tickets", "ticket.created", ids);
        long createdOnce = created.values().stream().filter(n -> n == 1).count();
        row("tickets with exactly one ticket.created event", ids.size(), createdOnce, createdOnce == ids.size());
        info("  ...records re-published (same event id; consumers dedupe)", republished);

        Map<String, Long> active = grouped("routing", "select ticket_id, count(*) filter (where state in " + ACTIVE_DISPATCH
                + ") from dispatch where ticket_id = any(?) group by ticket_id", idArray);
        long exactlyOne = active.values().stream().filter(n -> n == 1).count();
        row("tickets with exactly one active dispatch", ids.size(), exactlyOne, exactlyOne == ids.size());
        row("tickets with more than one active dispatch", 0, active.values().stream().filter(n -> n > 1).count(),
                active.values().stream().noneMatch(n -> n > 1));
        Set<String> assigned = keys("routing", "select distinct ticket_id from dispatch where ticket_id = any(?) and state in "
                + ACTIVE_DISPATCH + " and state <> 'UNASSIGNED'", idArray);
        info("  ...assigned to a unit (rest wait in the manual queue)", assigned.size());

        Set<String> timed = keys("sla", "select distinct ticket_id from sla_timer where ticket_id = any(?)", idArray);
        Set<String> untimed = new HashSet<>(assigned);
        untimed.removeAll(timed);
        row("assigned tickets with SLA timers armed", assigned.size(), assigned.size() - untimed.size(), untimed.isEmpty());
        long timers = single("sla", "select count(*) from sla_timer where ticket_id = any(?) and state <> 'CANCELLED'", (Object) idArray);
        // Each assisting unit has its own ASSIST_SIGN/ASSIST_REPORT timers on the same dispatch: the unit is part of the key.
        long doubledTimers = single("sla", "select count(*) from (select ticket_id, coalesce(dispatch_id, ''), stage,"
                + " coalesce(unit_code, '') from sla_timer where ticket_id = any(?) and state <> 'CANCELLED'"
                + " group by 1, 2, 3, 4 having count(*) > 1) d", (Object) idArray);
        info("  SLA timers (live)", timers);
        row("timers doubled (same ticket, dispatch, stage, unit)", 0, doubledTimers, doubledTimers == 0);
        long firings = single("sla", "select count(*) from sla_firing f join sla_timer t on t.id = f.timer_id where t.ticket_id = any(?)",
                (Object) idArray);
        long doubledFirings = single("sla", "select count(*) from (select f.timer_id, f.point from sla_firing f join sla_timer t"
                + " on t.id = f.timer_id where t.ticket_id = any(?) group by 1, 2 having count(*) > 1) d", (Object) idArray);
        long missed = single("sla", "select count(*) from sla_timer where ticket_id = any(?) and state = 'RUNNING'"
                + " and next_due_at < now() - interval '2 minutes'", (Object) idArray);
        info("  warnings/breaches/reminders fired", firings);
        row("firings doubled (same timer, same point)", 0, doubledFirings, doubledFirings == 0);
        row("firings missed (due > 2 min ago, not fired)", 0, missed, missed == 0);

        checkSms(idArray);
    }

    private void checkSms(String[] idArray) throws Exception {
        Map<String, String> partToNotification = new HashMap<>();
        Map<String, String[]> notifications = new HashMap<>();
        Map<String, List<String>> byPhoneText = new HashMap<>();
        try (Connection c = connect("notify");
                PreparedStatement s = c.prepareStatement("select cast(id as varchar), dedup_key, recipient_phone, text, status"
                        + " from notification where ticket_id = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", idArray));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    notifications.put(r.getString(1), new String[] {r.getString(2), r.getString(5)});
                    byPhoneText.computeIfAbsent(r.getString(3) + "|" + r.getString(4), k -> new ArrayList<>()).add(r.getString(1));
                }
            }
            try (PreparedStatement p = c.prepareStatement("select message_id, cast(notification_id as varchar) from message_part");
                    ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    partToNotification.put(r.getString(1), r.getString(2));
                }
            }
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(smsc + "/messages"))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode messages = new ObjectMapper().readTree(response.body());
        Map<String, List<Instant>> atSmsc = new HashMap<>();
        for (JsonNode message : messages) {
            String notification = null;
            for (JsonNode part : message.get("partIds")) {
                notification = partToNotification.getOrDefault(part.asText(), notification);
            }
            if (notification == null) {
                // Sent, but the crash came before its message id was recorded: match it by recipient and text.
                List<String> candidates = byPhoneText.get(message.get("destination").asText() + "|" + message.get("text").asText());
                notification = candidates == null ? null : candidates.get(0);
            }
            if (notification != null && notifications.containsKey(notification)) {
                atSmsc.computeIfAbsent(notification, k -> new ArrayList<>()).add(Instant.parse(message.get("receivedAt").asText()));
            }
        }
        long sent = notifications.values().stream().filter(n -> n[1].equals("SENT") || n[1].equals("DELIVERED")).count();
        long lost = notifications.entrySet().stream().filter(e -> (e.getValue()[1].equals("SENT") || e.getValue()[1].equals("DELIVERED"))
                && !atSmsc.containsKey(e.getKey())).count();
        long inWindow = 0;
        long doubled = 0;
        for (List<Instant> copies : atSmsc.values()) {
            if (copies.size() > 1) {
                copies.sort(null);
                Instant first = copies.get(0);
                boolean window = notifyKills.stream().anyMatch(kill -> !first.isBefore(Instant.ofEpochMilli(kill - 15_000))
                        && !first.isAfter(Instant.ofEpochMilli(kill + 1_000)));
                if (window) {
                    inWindow++;
                } else {
                    doubled++;
                }
            }
        }
        info("  notifications (dedup keys) of these tickets", notifications.size());
        info("  ...sent or delivered", sent);
        info("  ...deferred/pending (rate limit, quiet hours)", notifications.size() - sent);
        row("SMS at the simulator for sent notifications", sent, sent - lost, lost == 0);
        row("dedup keys with more than one SMS", 0, doubled, doubled == 0);
        info("  ...more than one, within the documented crash window", inWindow);
    }

    void print() {
        System.out.println();
        System.out.printf("%-60s %10s %10s  %s%n", "check", "expected", "found", "verdict");
        for (String[] row : rows) {
            System.out.printf("%-60s %10s %10s  %s%n", (Object[]) row);
        }
        System.out.println();
    }

    private void row(String name, long expected, long found, boolean ok) {
        rows.add(new String[] {name, String.valueOf(expected), String.valueOf(found), ok ? "ok" : "FAIL"});
        if (!ok) {
            failures++;
        }
    }

    private void info(String name, long found) {
        rows.add(new String[] {name, "", String.valueOf(found), ""});
    }

    /** Consumer lag on hotline.tickets and hotline.dispatches, and on every topic. */
    private long[] lag() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            long lag = 0;
            long runLag = 0;
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(30, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        long behind = Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                        lag += behind;
                        if (e.getKey().topic().equals("hotline.tickets") || e.getKey().topic().equals("hotline.dispatches")) {
                            runLag += behind;
                        }
                    }
                }
            }
            return new long[] {runLag, lag};
        }
    }

    private Map<String, Long> kafkaCount(String topic, String type, Set<String> keys) {
        Map<String, Set<String>> events = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = RawConsumers.open(bootstrap,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"))) {
            List<TopicPartition> partitions = RawConsumers.assignAll(consumer, topic);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    Header ceType = record.headers().lastHeader("ce_type");
                    Header ceId = record.headers().lastHeader("ce_id");
                    if (ceType != null && ceId != null && keys.contains(record.key())
                            && type.equals(new String(ceType.value(), StandardCharsets.UTF_8))) {
                        // A re-published record carries the same CloudEvent id; a second event would carry a new one.
                        if (!events.computeIfAbsent(record.key(), k -> new HashSet<>())
                                .add(new String(ceId.value(), StandardCharsets.UTF_8))) {
                            republished++;
                        }
                    }
                }
            }
        }
        Map<String, Long> perTicket = new HashMap<>();
        events.forEach((key, ids) -> perTicket.put(key, (long) ids.size()));
        return perTicket;
    }

    /** One connection; retried for a while, since a busy suite can hold all of PostgreSQL's connection slots. */
    private Connection connect(String service) throws SQLException {
        String url = "jdbc:postgresql://" + pg + "/" + dbPrefix + "_" + service;
        for (int attempt = 1;; attempt++) {
            try {
                return DriverManager.getConnection(url, "postgres", null);
            } catch (SQLException e) {
                if (attempt >= 30) {
                    throw e;
                }
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private long single(String service, String sql, Object... params) throws SQLException {
        try (Connection c = connect(service); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, params);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private Map<String, Long> grouped(String service, String sql, String[] ids) throws SQLException {
        Map<String, Long> result = new HashMap<>();
        try (Connection c = connect(service); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, (Object) ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return result;
    }

    private Set<String> keys(String service, String sql, String[] ids) throws SQLException {
        Set<String> result = new HashSet<>();
        try (Connection c = connect(service); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, (Object) ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(r.getString(1));
                }
            }
        }
        return result;
    }

    private static void bind(Connection c, PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof String[] array) {
                Array sqlArray = c.createArrayOf("varchar", array);
                s.setArray(i + 1, sqlArray);
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }

    static Map<String, String> readAccepted(Path file) throws Exception {
        Map<String, String> accepted = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ");
            if (parts.length == 2) {
                accepted.put(parts[0], parts[1]);
            }
        }
        return accepted;
    }
}
