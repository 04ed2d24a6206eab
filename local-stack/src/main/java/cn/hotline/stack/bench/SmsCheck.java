package cn.hotline.stack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The chaos check's SMS rows: every notification notify counts as sent reached the SMSC simulator, and no dedup
 * key reached it twice, except within the documented crash window around a kill of notify.
 */
final class SmsCheck {

    private final ServiceDatabases databases;
    private final String smsc;
    private final List<Long> notifyKills;

    SmsCheck(ServiceDatabases databases, String smsc, List<Long> notifyKills) {
        this.databases = databases;
        this.smsc = smsc;
        this.notifyKills = notifyKills;
    }

    void check(String[] idArray, CheckTable table) throws Exception {
        Map<String, String> partToNotification = new HashMap<>();
        Map<String, String[]> notifications = new HashMap<>();
        Map<String, List<String>> byPhoneText = new HashMap<>();
        databases.query("notify", "select cast(id as varchar), dedup_key, recipient_phone, text, status"
                + " from notification where ticket_id = any(?)", r -> {
                    notifications.put(r.getString(1), new String[] {r.getString(2), r.getString(5)});
                    byPhoneText.computeIfAbsent(r.getString(3) + "|" + r.getString(4), k -> new ArrayList<>()).add(r.getString(1));
                }, (Object) idArray);
        databases.query("notify", "select message_id, cast(notification_id as varchar) from message_part",
                r -> partToNotification.put(r.getString(1), r.getString(2)));
        Map<String, List<Instant>> atSmsc = copiesAtSmsc(partToNotification, notifications, byPhoneText);
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
        table.info("  notifications (dedup keys) of these tickets", notifications.size());
        table.info("  ...sent or delivered", sent);
        table.info("  ...deferred/pending (rate limit, quiet hours)", notifications.size() - sent);
        table.row("SMS at the simulator for sent notifications", sent, sent - lost, lost == 0);
        table.row("dedup keys with more than one SMS", 0, doubled, doubled == 0);
        table.info("  ...more than one, within the documented crash window", inWindow);
    }

    /** When each of these notifications reached the simulator, once per copy it received. */
    private Map<String, List<Instant>> copiesAtSmsc(Map<String, String> partToNotification, Map<String, String[]> notifications,
            Map<String, List<String>> byPhoneText) throws Exception {
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
        return atSmsc;
    }
}
