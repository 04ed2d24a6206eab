package cn.hotline.notify.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A notification's life: claimed (PENDING) before the send, then SENT → DELIVERED, or DEFERRED / FAILED / CANCELLED. */
public enum NotificationStatus {
    PENDING, DEFERRED, SENT, DELIVERED, FAILED, CANCELLED;

    private static final Map<NotificationStatus, Set<NotificationStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(SENT, DEFERRED, FAILED, CANCELLED),
            DEFERRED, EnumSet.of(PENDING, SENT, DEFERRED, FAILED, CANCELLED),
            SENT, EnumSet.of(DELIVERED, FAILED),
            DELIVERED, EnumSet.noneOf(NotificationStatus.class),
            FAILED, EnumSet.noneOf(NotificationStatus.class),
            CANCELLED, EnumSet.noneOf(NotificationStatus.class));

    public boolean canBecome(NotificationStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
