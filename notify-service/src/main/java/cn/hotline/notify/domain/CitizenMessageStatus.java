package cn.hotline.notify.domain;

/** A queued citizen message's state; the moves are {@link MessageTransitions#CITIZEN}. */
public enum CitizenMessageStatus {
    PENDING, DONE, SKIPPED, FAILED
}
