package cn.hotline.intake.domain;

/** What the citizen says on the follow-up call: satisfied, basically satisfied, unsatisfied. */
public enum Satisfaction { SATISFIED, BASIC, UNSATISFIED }
