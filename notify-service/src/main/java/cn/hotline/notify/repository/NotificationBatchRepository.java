package cn.hotline.notify.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.MessageTransitions;
import cn.hotline.notify.domain.Notification;
import cn.hotline.notify.domain.NotificationStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Many notifications at once, on a pool connection inside the caller's transaction, one statement per batch: their
 * claims (insert unless the dedup key exists), deferrals (→ DEFERRED), the gateway's answers (→ SENT) and delivery
 * receipts (→ DELIVERED / FAILED), moving states only along {@link MessageTransitions#NOTIFICATION}.
 */
@ApplicationScoped
public class NotificationBatchRepository {

    /** A notification whose state a batch moved, with what its notification.* event carries. */
    public record Outcome(UUID id, String ticketId, String dedupKey, String recipientId, String recipientPhone,
            String templateCode, int level, String gateway, String messageId, int segments, NotificationStatus status,
            String error) {
    }

    /** A send put off until {@code until} (quiet hours, the recipient's rate limit), for {@code reason}. */
    public record Deferral(UUID id, Instant until, String reason) {
    }

    /** A gateway's answer to one send. */
    public record Sent(UUID id, String gateway, String messageId) {
    }

    private static final String RETURNING = " returning n.id, n.ticket_id, n.dedup_key, n.recipient_id, n.recipient_phone,"
            + " n.template_code, n.level, n.gateway, n.message_id, n.segments, n.status, n.error";

    private static final String SENT = "update notification n set status = '" + NotificationStatus.SENT + "',"
            + " gateway = s.gateway, message_id = s.message_id, sent_at = $4, error = null, attempts = n.attempts + 1,"
            + " claim_token = null, claimed_until = null, version = n.version + 1"
            + " from unnest($1::uuid[], $2::varchar[], $3::varchar[]) as s(id, gateway, message_id)"
            + " where n.id = s.id and n.status = any($5)" + RETURNING;

    // The claim ends (claimed_by stays, for the audit); a row another path moved meanwhile is left alone.
    private static final String DEFER = "update notification n set status = '" + NotificationStatus.DEFERRED + "',"
            + " next_attempt_at = d.until, error = d.reason, claim_token = null, claimed_until = null,"
            + " version = n.version + 1 from unnest($1::uuid[], $2::timestamptz[], $3::varchar[]) as d(id, until, reason)"
            + " where n.id = d.id and n.status = any($4)";

    // The first receipt of a notification decides (a long SMS has one per part); all taken ones are marked applied.
    private static final String RECEIPTS = "with taken as (select r.message_id, r.state, r.received_at, p.notification_id"
            + " from sms_receipt r join message_part p on p.message_id = r.message_id where not r.applied"
            + " order by r.received_at limit $1 for update of r skip locked),"
            + " marked as (update sms_receipt r set applied = true from taken where r.message_id = taken.message_id),"
            + " first as (select distinct on (notification_id) notification_id, state, received_at from taken"
            + " order by notification_id, received_at)"
            + " update notification n set status = case when first.state = 'DELIVRD' then '" + NotificationStatus.DELIVERED
            + "' else '" + NotificationStatus.FAILED + "' end, delivered_at = first.received_at,"
            + " error = case when first.state = 'DELIVRD' then n.error else 'receipt ' || first.state end,"
            + " version = n.version + 1 from first where n.id = first.notification_id and n.status = any($2)" + RETURNING;

    private static final String CLAIM = "insert into notification (id, dedup_key, ticket_id, dispatch_id, scope, stage, level,"
            + " recipient_id, recipient_role, recipient_phone, template_code, params, text, encoding, length, segments, urgent,"
            + " reply_code, status, created_at, claimed_by, claim_token, attempts, version, claimed_until)"
            + " select c.*, 0, 0, now() + $23::bigint * interval '1 millisecond' from unnest($1::uuid[], $2::varchar[],"
            + " $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::int[], $8::varchar[], $9::varchar[],"
            + " $10::varchar[], $11::varchar[], $12::text[], $13::text[], $14::varchar[], $15::int[], $16::int[],"
            + " $17::boolean[], $18::varchar[], $19::varchar[], $20::timestamptz[], $21::varchar[], $22::uuid[]) as c"
            + " on conflict (dedup_key) do nothing returning id";

    private static final String PARTS = "insert into message_part (message_id, notification_id)"
            + " select * from unnest($1::varchar[], $2::uuid[]) on conflict (message_id) do nothing";

    /**
     * Inserts each notification (PENDING, leased to its {@code claimedBy} under its {@code claimToken} for
     * {@code lease} of database time) unless its dedup key exists; the ids this call claimed. One statement.
     */
    public Uni<Set<UUID>> claimAll(SqlConnection conn, List<Notification> all, Duration lease) {
        if (all.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Object> args = new ArrayList<>(List.of(col(all, n -> n.id, UUID[]::new), col(all, n -> n.dedupKey, String[]::new),
                col(all, n -> n.ticketId, String[]::new), col(all, n -> n.dispatchId, String[]::new),
                col(all, n -> n.scope, String[]::new), col(all, n -> n.stage, String[]::new),
                col(all, n -> n.level, Integer[]::new), col(all, n -> n.recipientId, String[]::new),
                col(all, n -> n.recipientRole, String[]::new), col(all, n -> n.recipientPhone, String[]::new),
                col(all, n -> n.templateCode, String[]::new), col(all, n -> n.params, String[]::new),
                col(all, n -> n.text, String[]::new), col(all, n -> n.encoding, String[]::new),
                col(all, n -> n.length, Integer[]::new), col(all, n -> n.segments, Integer[]::new),
                col(all, n -> n.urgent, Boolean[]::new), col(all, n -> n.replyCode, String[]::new),
                col(all, n -> n.status.name(), String[]::new), col(all, n -> utc(n.createdAt), OffsetDateTime[]::new),
                col(all, n -> n.claimedBy, String[]::new), col(all, n -> n.claimToken, UUID[]::new)));
        args.add(lease.toMillis());
        return conn.preparedQuery(CLAIM).execute(Tuple.from(args)).map(rows -> {
            Set<UUID> claimed = new HashSet<>();
            rows.forEach(row -> claimed.add(row.getUUID(0)));
            return claimed;
        });
    }

    private static <T> T[] col(List<Notification> all, Function<Notification, ? extends Object> get, IntFunction<T[]> array) {
        return all.stream().map(get).toArray(array);
    }

    /** Records the gateway's answers: each PENDING (or DEFERRED) notification becomes SENT; the moved ones are returned. */
    public Uni<List<Outcome>> sent(SqlConnection conn, List<Sent> sends, Instant at) {
        return conn.preparedQuery(SENT).execute(Tuple.from(List.of(
                        sends.stream().map(Sent::id).toArray(UUID[]::new),
                        sends.stream().map(Sent::gateway).toArray(String[]::new),
                        sends.stream().map(Sent::messageId).toArray(String[]::new),
                        utc(at), names(MessageTransitions.NOTIFICATION.sources(NotificationStatus.SENT)))))
                .map(NotificationBatchRepository::outcomes);
    }

    /** Puts each send off until its time (→ DEFERRED); the number moved. One statement, no event (none is defined). */
    public Uni<Integer> defer(SqlConnection conn, List<Deferral> deferrals) {
        return conn.preparedQuery(DEFER).execute(Tuple.of(deferrals.stream().map(Deferral::id).toArray(UUID[]::new),
                        deferrals.stream().map(d -> utc(d.until())).toArray(OffsetDateTime[]::new),
                        deferrals.stream().map(Deferral::reason).toArray(String[]::new),
                        names(MessageTransitions.NOTIFICATION.sources(NotificationStatus.DEFERRED))))
                .map(rows -> rows.rowCount());
    }

    /** Stores SMPP part message ids → notification (a repeated id is ignored). */
    public Uni<Void> parts(SqlConnection conn, List<String> messageIds, List<UUID> notificationIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(PARTS).execute(Tuple.of(messageIds.toArray(new String[0]),
                notificationIds.toArray(new UUID[0]))).replaceWithVoid();
    }

    /**
     * Applies up to {@code limit} stored receipts whose part is known, oldest first, locked against other replicas:
     * each SENT notification becomes DELIVERED (DELIVRD) or FAILED; the moved ones are returned.
     */
    public Uni<List<Outcome>> applyReceipts(SqlConnection conn, int limit) {
        Set<NotificationStatus> sources = MessageTransitions.NOTIFICATION.sources(NotificationStatus.DELIVERED);
        sources.retainAll(MessageTransitions.NOTIFICATION.sources(NotificationStatus.FAILED));
        return conn.preparedQuery(RECEIPTS).execute(Tuple.of(limit, names(sources)))
                .map(NotificationBatchRepository::outcomes);
    }

    private static List<Outcome> outcomes(Iterable<Row> rows) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            outcomes.add(new Outcome(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getInteger(6), row.getString(7), row.getString(8), row.getInteger(9),
                    NotificationStatus.valueOf(row.getString(10)), row.getString(11)));
        }
        return outcomes;
    }

    private static String[] names(Set<NotificationStatus> states) {
        return states.stream().map(Enum::name).collect(Collectors.toSet()).toArray(new String[0]);
    }
}
