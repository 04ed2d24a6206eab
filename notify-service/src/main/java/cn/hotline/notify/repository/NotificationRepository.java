package cn.hotline.notify.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Notifications: claimed by dedup key (insert or nothing), then updated with the send's outcome. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** Inserts {@code n} unless its dedup key exists; true when this call claimed it. */
    public Uni<Boolean> claim(Notification n) {
        String sql = "insert into notification (id, dedup_key, ticket_id, dispatch_id, scope, stage, level, recipient_id,"
                + " recipient_role, recipient_phone, template_code, params, text, encoding, length, segments, urgent,"
                + " reply_code, status, attempts, next_attempt_at, created_at, version) values (:id, :dedup, :ticket,"
                + " :dispatch, :scope, :stage, :level, :recipient, :role, :phone, :template, :params, :text, :encoding,"
                + " :length, :segments, :urgent, :reply, :status, 0, :next, :created, 0)"
                + " on conflict (dedup_key) do nothing";
        return Panache.getSession().flatMap(s -> s.createNativeQuery(sql)
                .setParameter("id", n.id).setParameter("dedup", n.dedupKey).setParameter("ticket", n.ticketId)
                .setParameter("dispatch", n.dispatchId).setParameter("scope", n.scope).setParameter("stage", n.stage)
                .setParameter("level", n.level).setParameter("recipient", n.recipientId)
                .setParameter("role", n.recipientRole).setParameter("phone", n.recipientPhone)
                .setParameter("template", n.templateCode).setParameter("params", n.params).setParameter("text", n.text)
                .setParameter("encoding", n.encoding).setParameter("length", n.length)
                .setParameter("segments", n.segments).setParameter("urgent", n.urgent)
                .setParameter("reply", n.replyCode).setParameter("status", n.status.name())
                .setParameter("next", n.nextAttemptAt).setParameter("created", n.createdAt)
                .executeUpdate()).map(rows -> rows == 1);
    }

    public Uni<List<Notification>> byTicket(String ticketId) {
        return list("ticketId", Sort.by("createdAt").and("level"), ticketId);
    }

    /** DEFERRED rows due now, and PENDING rows left behind (a crash between claim and result). */
    public Uni<List<Notification>> due(Instant now, Instant stalePendingBefore, int limit) {
        return find("(status = cn.hotline.notify.domain.NotificationStatus.DEFERRED and nextAttemptAt <= ?1)"
                + " or (status = cn.hotline.notify.domain.NotificationStatus.PENDING and createdAt < ?2)",
                Sort.by("createdAt"), now, stalePendingBefore).page(0, limit).list();
    }

    public Uni<Notification> byMessageId(String messageId) {
        return find("id = (select p.notificationId from MessagePart p where p.messageId = ?1)", messageId).firstResult();
    }

    /** The newest dispatch notification to {@code recipientId} (optionally with {@code replyCode}). */
    public Uni<Notification> latestDispatchNotice(String recipientId, String replyCode) {
        if (replyCode == null) {
            return find("recipientId = ?1 and templateCode = 'DISPATCH_ASSIGNED' and dispatchId is not null",
                    Sort.descending("createdAt"), recipientId).firstResult();
        }
        return find("recipientId = ?1 and replyCode = ?2 and dispatchId is not null", Sort.descending("createdAt"),
                recipientId, replyCode).firstResult();
    }

    /** Cancels not-yet-sent notifications of a stopped stage. */
    public Uni<Integer> cancelUnsent(String scope, String stage) {
        return update("status = cn.hotline.notify.domain.NotificationStatus.CANCELLED, error = 'stage stopped'"
                + " where scope = ?1 and (stage = ?2 or ?2 = '*')"
                + " and status = cn.hotline.notify.domain.NotificationStatus.DEFERRED", scope, stage);
    }
}
