package cn.hotline.notify.domain;

/**
 * What starts a reminder-ladder level: a dispatch, an SLA threshold, a breach, a reminder, an alert, or a dispatch
 * action someone must hear of (queued, returned, escalated, extension asked or decided, cancelled) and an SMS
 * that no gateway could deliver.
 */
public enum Trigger {
    DISPATCHED, WARNING, BREACHED, OVERDUE_REMINDER, ALERT,
    QUEUED, RETURNED, ESCALATED, EXTENSION_REQUESTED, EXTENSION_DECIDED, CANCELLED, DELIVERY_FAILED;

    /** Each occurrence is its own notice (a second escalation, a second extension request), not a repeat. */
    public boolean perOccurrence() {
        return ordinal() >= QUEUED.ordinal();
    }
}
