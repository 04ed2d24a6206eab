package cn.hotline.events;

/** 紧急 / 一般: urgent tickets run on clock time, normal ones on working time. */
public enum Urgency {
    URGENT, NORMAL
}
