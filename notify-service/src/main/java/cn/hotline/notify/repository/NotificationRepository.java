package cn.hotline.notify.repository;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.MessageTransitions;
import cn.hotline.notify.domain.Notification;
import cn.hotline.notify.domain.NotificationStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Notifications: claimed by dedup key (insert or nothing), then updated with the send's outcome. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /**
     * Inserts {@code n} unless its dedup key exists; true when this call claimed it. The row is leased to its
     * claimer ({@code n.claimedBy}, {@code n.claimToken}) for {@code lease} of database time.
     */
    public Uni<Boolean> claim(Notification n, Duration lease) {
        String sql = "insert into notification (id, dedup_key, ticket_id, dispatch_id, scope, stage, level, recipient_id,"
                + " recipient_role, recipient_phone, template_code, params, text, encoding, length, segments, urgent,"
                + " reply_code, status, attempts, next_attempt_at, created_at, version, claimed_by, claim_token,"
                + " claimed_until) values (:id, :dedup, :ticket, :dispatch, :scope, :stage, :level, :recipient, :role,"
                + " :phone, :template, :params, :text, :encoding, :length, :segments, :urgent, :reply, :status, 0, :next,"
                + " :created, 0, :claimedBy, :token, now() + :lease * interval '1 millisecond')"
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
                .setParameter("claimedBy", n.claimedBy).setParameter("token", n.claimToken)
                .setParameter("lease", lease.toMillis())
                .executeUpdate()).map(rows -> rows == 1);
    }

    public Uni<List<Notification>> byTicket(String ticketId) {
        return list("ticketId", Sort.by("createdAt").and("level"), ticketId);
    }

    /** The claimed rows, oldest first (the order their recipients get them). */
    public Uni<List<Notification>> byIds(List<UUID> ids) {
        return list("id in ?1", Sort.by("createdAt"), ids);
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

    /** The newest notification with {@code templateCode} that went out to {@code recipientId}, or null. */
    public Uni<Notification> latestSent(String recipientId, String templateCode) {
        return find("recipientId = ?1 and templateCode = ?2 and status in ?3", Sort.descending("createdAt"), recipientId,
                templateCode, List.of(NotificationStatus.SENT, NotificationStatus.DELIVERED)).firstResult();
    }

    /** Cancels not-yet-sent notifications of a stopped stage. */
    public Uni<Integer> cancelUnsent(String scope, String stage) {
        return update("status = ?1, error = 'stage stopped' where scope = ?2 and (stage = ?3 or ?3 = '*') and status in ?4",
                NotificationStatus.CANCELLED, scope, stage, MessageTransitions.CANCELLABLE);
    }

    /** Cancels every not-yet-sent notification to {@code recipientId} (who opted out); how many. */
    public Uni<Integer> cancelUnsentTo(String recipientId) {
        return update("status = ?1, error = 'opted out' where recipientId = ?2 and status in ?3",
                NotificationStatus.CANCELLED, recipientId, MessageTransitions.CANCELLABLE);
    }
}
