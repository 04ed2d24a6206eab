package cn.hotline.notify.domain;

/** A received MO text's state; the moves are {@link MessageTransitions#INBOUND}. */
public enum InboundStatus {
    RECEIVED, PROCESSED
}
