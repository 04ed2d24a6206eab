package cn.hotline.notify.domain;

/** A scheduled ladder level's state; the moves are {@link MessageTransitions#LEVEL}. */
public enum LevelStatus {
    PENDING, FIRED, CANCELLED
}
