package cn.hotline.notify.repository;

import static cn.hotline.support.repository.SqlTime.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivery receipts as the SMSC sent them, stored first (many in one statement, on a pool connection inside the
 * caller's transaction) and applied to their notifications later ({@link NotificationBatchRepository#applyReceipts}).
 */
@ApplicationScoped
public class SmsReceiptRepository {

    /** A receipt as the SMSC sent it. */
    public record Receipt(String messageId, String state, Instant doneAt) {
    }

    private static final String STORE_ALL = "insert into sms_receipt (message_id, state, done_at, received_at, applied)"
            + " select m, s, d, $4, false from unnest($1::varchar[], $2::varchar[], $3::timestamptz[]) as r(m, s, d)"
            + " on conflict (message_id) do nothing";

    /** Stores {@code receipts}, each once (the SMSC may repeat one). */
    public Uni<Void> storeAll(SqlConnection conn, List<Receipt> receipts, Instant receivedAt) {
        return conn.preparedQuery(STORE_ALL).execute(Tuple.of(
                        receipts.stream().map(Receipt::messageId).toArray(String[]::new),
                        receipts.stream().map(Receipt::state).toArray(String[]::new),
                        receipts.stream().map(r -> utc(r.doneAt())).toArray(OffsetDateTime[]::new), utc(receivedAt)))
                .replaceWithVoid();
    }
}
