package cn.hotline.notify.domain;

/** What starts an escalation level: a dispatch, an SLA threshold, a breach, a reminder, an alert. */
public enum Trigger {
    DISPATCHED, WARNING, BREACHED, OVERDUE_REMINDER, ALERT
}
