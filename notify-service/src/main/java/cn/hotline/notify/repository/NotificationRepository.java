package cn.hotline.notify.repository;

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

/** Notifications read and updated one at a time (claims and outcomes in batches: {@link NotificationBatchRepository}). */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

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
