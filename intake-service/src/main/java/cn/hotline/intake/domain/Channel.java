package cn.hotline.intake.domain;

/** Where a ticket came in. */
public enum Channel { PHONE, APP, WEB, LETTER, VISIT, PROXY, POLICE_110, OPEN311 }
