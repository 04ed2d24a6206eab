package cn.hotline.intake.domain;

/** Urgent tickets run on clock time, normal ones on working time. */
public enum Urgency { URGENT, NORMAL }
