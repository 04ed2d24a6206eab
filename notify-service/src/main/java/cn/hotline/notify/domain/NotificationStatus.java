package cn.hotline.notify.domain;

/** A notification's state; the moves are {@link MessageTransitions#NOTIFICATION}. */
public enum NotificationStatus {
    PENDING, DEFERRED, SENT, DELIVERED, FAILED, CANCELLED
}
