package cn.hotline.notify.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.CitizenMessageStatus;
import cn.hotline.notify.domain.MessageTransitions;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Citizen messages: inserted in the consumer's transaction (once per key), claimed by one replica at a time
 * ({@code UPDATE ... FOR UPDATE SKIP LOCKED RETURNING}) and finished with the claim's token.
 */
@ApplicationScoped
public class CitizenMessageRepository {

    /** A claimed message. */
    public record Claimed(UUID id, String ticketId, String ticketNumber, String dispatchId, String kind, int attempts) {
    }

    private static final String CLAIM = "update citizen_message set claimed_by = $1, claim_token = $2, claimed_until ="
            + " now() + $3::bigint * interval '1 millisecond' where id in (select id from citizen_message where status ="
            + " '" + CitizenMessageStatus.PENDING + "' and due_at <= $4 and (claimed_until is null or claimed_until < now()) order by due_at limit $5"
            + " for update skip locked) returning id, ticket_id, ticket_number, dispatch_id, kind, attempts";
    private static final String FINISH = "update citizen_message set status = $3, outcome = $4, attempts = attempts + 1,"
            + " claim_token = null, claimed_until = null where id = $1 and claim_token = $2 and status = any($5)";
    private static final String LATER = "update citizen_message set due_at = $3, outcome = $4, attempts = attempts + 1,"
            + " claim_token = null, claimed_until = null where id = $1 and claim_token = $2";

    private final Pool pool;
    private final Clock clock;

    public CitizenMessageRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Adds a message due now unless its key exists (runs in the caller's reactive transaction). */
    public Uni<Integer> add(String key, String ticketId, String ticketNumber, String dispatchId, String kind) {
        Instant now = clock.instant();
        return Panache.getSession().flatMap(s -> SessionSql.write(s, "insert into citizen_message (id, message_key, ticket_id,"
                + " ticket_number, dispatch_id, kind, status, due_at, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                + " on conflict (message_key) do nothing", UUID.randomUUID(), key, ticketId, ticketNumber, dispatchId, kind,
                CitizenMessageStatus.PENDING.name(), utc(now), utc(now)));
    }

    /** Claims up to {@code limit} messages due at {@code now} for {@code lease} (blocking: the worker's thread). */
    public List<Claimed> claim(String owner, UUID token, Duration lease, Instant now, int limit) {
        List<Claimed> claimed = new ArrayList<>();
        for (Row r : await(pool.preparedQuery(CLAIM).execute(Tuple.of(owner, token, lease.toMillis(), utc(now), limit)))) {
            claimed.add(new Claimed(r.getUUID("id"), r.getString("ticket_id"), r.getString("ticket_number"),
                    r.getString("dispatch_id"), r.getString("kind"), r.getInteger("attempts")));
        }
        return claimed;
    }

    /** DONE, SKIPPED or FAILED, if this claim still holds the message. */
    public void finish(UUID id, UUID token, CitizenMessageStatus status, String outcome) {
        String[] from = MessageTransitions.CITIZEN.sources(status).stream().map(Enum::name).toArray(String[]::new);
        await(pool.preparedQuery(FINISH).execute(Tuple.of(id, token, status.name(), cut(outcome), from)));
    }

    /** Tried again at {@code at} (intake unreachable). */
    public void later(UUID id, UUID token, Instant at, String outcome) {
        await(pool.preparedQuery(LATER).execute(Tuple.of(id, token, utc(at), cut(outcome))));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200);
    }
}
