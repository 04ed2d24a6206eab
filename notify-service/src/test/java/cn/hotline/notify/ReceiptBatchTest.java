package cn.hotline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.hotline.events.EventTypes;
import cn.hotline.notify.service.ReceiptApplier;
import cn.hotline.testsupport.HotlineTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Receipts applied a batch per statement: the first receipt of a long SMS decides (a later part's receipt changes
 * nothing), an UNDELIV receipt fails the notification with its reason, a receipt for a notification no longer SENT
 * moves nothing, every taken receipt is marked applied, and each moved notification gets exactly one event.
 */
@QuarkusTest
@QuarkusTestResource(value = HotlineTestResource.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = "service", value = "notify"), @ResourceArg(name = "redisDb", value = "14"),
                @ResourceArg(name = "serviceClient", value = "notify-service")})
class ReceiptBatchTest extends NotifyTestBase {

    @Inject Pool pool;
    @Inject ReceiptApplier receipts;

    @Test
    void theFirstReceiptOfEachNotificationDecidesOnceAndIsAnnouncedOnce() {
        String ticket = id("T-receipts");
        UUID failedLong = sent(ticket, "SENT");
        UUID delivered = sent(ticket, "SENT");
        UUID alreadyDone = sent(ticket, "DELIVERED");
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        receipt(failedLong, "UNDELIV", t0);
        receipt(failedLong, "DELIVRD", t0.plusSeconds(1));
        receipt(delivered, "DELIVRD", t0.plusSeconds(2));
        receipt(alreadyDone, "UNDELIV", t0.plusSeconds(3));

        // The worker applies receipts every second too; whichever takes them, each is taken once (skip locked).
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            receipts.apply();
            return unapplied(ticket) == 0;
        });

        assertThat(state(failedLong)).containsExactly("FAILED", "receipt UNDELIV");
        assertThat(state(delivered)).containsExactly("DELIVERED", null);
        assertThat(state(alreadyDone)).containsExactly("DELIVERED", null);
        assertThat(events(ticket)).containsExactlyInAnyOrder(
                "notification:" + failedLong + ":failed " + EventTypes.NOTIFICATION_FAILED,
                "notification:" + delivered + ":delivered " + EventTypes.NOTIFICATION_DELIVERED);
    }

    private UUID sent(String ticket, String status) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("insert into notification (id, dedup_key, ticket_id, scope, level, recipient_role, recipient_phone,"
                        + " template_code, params, text, encoding, length, segments, urgent, status, attempts, created_at,"
                        + " version, gateway, message_id) values ($1, $2, $3, $3, 0, 'HANDLER', '13800000000', 'DISPATCH',"
                        + " '{}', 'x', 'UCS2', 1, 2, false, $4, 1, now(), 0, 'SMPP', $5)")
                .execute(Tuple.of(id, ticket + "|" + id, ticket, status, id + "-0")).await().indefinitely();
        return id;
    }

    private int parts;

    private void receipt(UUID notification, String state, OffsetDateTime at) {
        String messageId = notification + "-" + (parts++);
        pool.preparedQuery("insert into message_part (message_id, notification_id) values ($1, $2)")
                .execute(Tuple.of(messageId, notification)).await().indefinitely();
        pool.preparedQuery("insert into sms_receipt (message_id, state, done_at, received_at, applied)"
                        + " values ($1, $2, $3, $3, false)")
                .execute(Tuple.of(messageId, state, at)).await().indefinitely();
    }

    private long unapplied(String ticket) {
        return pool.preparedQuery("select count(*) from sms_receipt r join message_part p on p.message_id = r.message_id"
                        + " join notification n on n.id = p.notification_id where n.ticket_id = $1 and not r.applied")
                .execute(Tuple.of(ticket)).await().indefinitely().iterator().next().getLong(0);
    }

    private List<String> state(UUID notification) {
        Row row = pool.preparedQuery("select status, error from notification where id = $1")
                .execute(Tuple.of(notification)).await().indefinitely().iterator().next();
        List<String> state = new ArrayList<>();
        state.add(row.getString(0));
        state.add(row.getString(1));
        return state;
    }

    private List<String> events(String ticket) {
        List<String> events = new ArrayList<>();
        pool.preparedQuery("select id, type from outbox_event where subject = $1").execute(Tuple.of(ticket))
                .await().indefinitely().forEach(row -> events.add(row.getString(0) + " " + row.getString(1)));
        return events;
    }
}
