package cn.hotline.intake.domain;

/** What the citizen says on the follow-up call: was the matter resolved. */
public enum Resolution { RESOLVED, PARTLY, UNRESOLVED }
