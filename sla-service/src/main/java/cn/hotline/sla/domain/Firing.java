package cn.hotline.sla.domain;

import java.time.Instant;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.SlaEvent;

/**
 * One due point of one timer, fired now: its {@code sla_firing} row (keyed by the deterministic event id, so a
 * re-fire records nothing) and the {@code sla.*} event it sends.
 */
public record Firing(String eventId, String timerId, String point, Instant due, Instant firedAt, boolean late,
        String instance, String type, SlaEvent event) {

    public String ticketId() {
        return event.ticketId();
    }

    public boolean breach() {
        return EventTypes.SLA_BREACHED.equals(type);
    }
}
