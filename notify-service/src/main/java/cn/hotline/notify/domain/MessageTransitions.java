package cn.hotline.notify.domain;

import java.util.Set;

/**
 * Every message state notify keeps, as tables: a notification (one SMS), a scheduled ladder level, a received MO
 * text, a queued citizen message. Entities and set-based updates move states only through these.
 */
public final class MessageTransitions {

    /** Claimed (PENDING) before the send, then SENT → DELIVERED, or DEFERRED (tried again) / FAILED / CANCELLED. */
    public static final StateTable<NotificationStatus> NOTIFICATION = new StateTable<>(NotificationStatus.class)
            .row(NotificationStatus.PENDING, NotificationStatus.SENT, NotificationStatus.DEFERRED, NotificationStatus.FAILED,
                    NotificationStatus.CANCELLED)
            .row(NotificationStatus.DEFERRED, NotificationStatus.PENDING, NotificationStatus.SENT,
                    NotificationStatus.DEFERRED, NotificationStatus.FAILED, NotificationStatus.CANCELLED)
            .row(NotificationStatus.SENT, NotificationStatus.DELIVERED, NotificationStatus.FAILED);

    /** Unsent notifications that a stopped stage or an opt-out cancels: only those no replica holds right now. */
    public static final Set<NotificationStatus> CANCELLABLE = Set.of(NotificationStatus.DEFERRED);
    /** A deferred notification whose time came is claimed back to PENDING for another try. */
    public static final NotificationStatus RETRY_DUE = NotificationStatus.DEFERRED;

    /** A ladder level waits (PENDING) until it fires or is cancelled (stage stopped, chain gone, context unreadable). */
    public static final StateTable<LevelStatus> LEVEL = new StateTable<>(LevelStatus.class)
            .row(LevelStatus.PENDING, LevelStatus.FIRED, LevelStatus.CANCELLED);

    /** A received MO text is processed once. */
    public static final StateTable<InboundStatus> INBOUND = new StateTable<>(InboundStatus.class)
            .row(InboundStatus.RECEIVED, InboundStatus.PROCESSED);

    /** A queued citizen message ends DONE (sent), SKIPPED (no longer wanted) or FAILED; a retry keeps it PENDING. */
    public static final StateTable<CitizenMessageStatus> CITIZEN = new StateTable<>(CitizenMessageStatus.class)
            .row(CitizenMessageStatus.PENDING, CitizenMessageStatus.DONE, CitizenMessageStatus.SKIPPED,
                    CitizenMessageStatus.FAILED);

    private MessageTransitions() {
    }
}
