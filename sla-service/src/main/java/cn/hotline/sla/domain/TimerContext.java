package cn.hotline.sla.domain;

/** Who and what a new stage timer is about (from the event that starts it). */
public record TimerContext(String ticketId, String ticketNumber, String dispatchId, String unitCode, String handlerId,
        String countyCode, String townCode, String urgency) {
}
