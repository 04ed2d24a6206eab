package cn.hotline.routing.domain;

/** 紧急 / 一般. */
public enum Urgency {
    URGENT, NORMAL
}
