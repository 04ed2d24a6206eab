package cn.hotline.notify.domain;

/** Who a level goes to, resolved at send time from routing's directory. */
public enum RecipientRole {
    HANDLER, UNIT_LEADER, COMMANDER, CASE_LEADER, SUPERVISOR, STAFF
}
