package cn.hotline.notify.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.InboundStatus;
import cn.hotline.notify.domain.LevelStatus;
import cn.hotline.notify.domain.MessageTransitions;
import cn.hotline.notify.domain.NotificationStatus;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Leases on shared work, so each due level, retry and MO text is taken by exactly one replica: one atomic
 * statement per claim ({@code UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING id}), each
 * claim with its own token. Lease expiry uses the database's {@code now()}: replicas' clocks may differ, and the
 * business clock (tests move it) must not decide whether a live replica's lease ran out.
 */
@ApplicationScoped
public class WorkClaimRepository {

    private static final String LEASE = "now() + $3::bigint * interval '1 millisecond'";
    private static final String FREE = "(claimed_until is null or claimed_until < now())";
    private static final String LEVELS = "update scheduled_level set claimed_by = $1, claim_token = $2, claimed_until = "
            + LEASE + " where id in (select id from scheduled_level where status = '" + LevelStatus.PENDING + "' and due_at <= $4"
            + " and " + FREE
            + " order by due_at, level limit $5 for update skip locked) returning id";
    // DEFERRED rows whose time came, and PENDING rows whose lease ran out (the claimer crashed before recording).
    private static final String RETRIES = "update notification set status = '" + NotificationStatus.PENDING + "',"
            + " claimed_by = $1, claim_token = $2, claimed_until = " + LEASE + ", version = version + 1 where id in (select id"
            + " from notification where ((status = '" + MessageTransitions.RETRY_DUE + "' and next_attempt_at <= $4) or status = '"
            + NotificationStatus.PENDING + "') and " + FREE
            + " order by created_at limit $5 for update skip locked) returning id";
    private static final String RENEW = "update notification set claimed_until = now() + $3::bigint * interval"
            + " '1 millisecond' where id = $1 and claim_token = $2 and status = '" + NotificationStatus.PENDING + "' returning id";
    private static final String INBOUND = "update inbound_sms set claimed_by = $1, claim_token = $2, claimed_until = "
            + LEASE + " where id in (select id from inbound_sms where status = '" + InboundStatus.RECEIVED + "' and " + FREE
            + " order by received_at limit $4 for update skip locked) returning id";

    private final Pool pool;

    public WorkClaimRepository(Pool pool) {
        this.pool = pool;
    }

    /** Claims up to {@code limit} levels due at {@code now} for {@code lease}. */
    public List<UUID> levels(String owner, UUID token, Duration lease, Instant now, int limit) {
        return ids(LEVELS, Tuple.of(owner, token, lease.toMillis(), utc(now), limit));
    }

    /** Claims up to {@code limit} messages to (re-)send: deferred ones now due, and PENDING ones left by a crash. */
    public List<UUID> retries(String owner, UUID token, Duration lease, Instant now, int limit) {
        return ids(RETRIES, Tuple.of(owner, token, lease.toMillis(), utc(now), limit));
    }

    /** Extends this claim of a PENDING message right before its send; false when another claim took it over. */
    public boolean renew(UUID notificationId, UUID token, Duration lease) {
        return !ids(RENEW, Tuple.of(notificationId, token, lease.toMillis())).isEmpty();
    }

    /** Claims up to {@code limit} received MO texts. */
    public List<UUID> inbound(String owner, UUID token, Duration lease, int limit) {
        return ids(INBOUND, Tuple.of(owner, token, lease.toMillis(), limit));
    }

    private List<UUID> ids(String sql, Tuple args) {
        List<UUID> ids = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).execute(args).await().atMost(Duration.ofSeconds(30))) {
            ids.add(row.getUUID(0));
        }
        return ids;
    }
}
