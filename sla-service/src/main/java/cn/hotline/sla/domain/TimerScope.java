package cn.hotline.sla.domain;

/** Whether a timer belongs to one dispatch (restarted for a new unit on re-dispatch) or to the ticket as a whole. */
public enum TimerScope {
    DISPATCH, TICKET
}
