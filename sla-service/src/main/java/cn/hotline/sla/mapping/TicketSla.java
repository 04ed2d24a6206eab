package cn.hotline.sla.mapping;

import java.time.Instant;
import java.util.List;

import cn.hotline.sla.domain.TimerEntity;

/** Every stage timer of a ticket (the ones the caller may see). */
public record TicketSla(String ticketId, String ticketNumber, String policyCode, List<TimerView> timers) {

    /** {@code timers} must not be empty. */
    public static TicketSla of(String ticketId, List<TimerEntity> timers, Instant now) {
        return new TicketSla(ticketId, timers.get(0).ticketNumber, timers.get(0).policyCode,
                timers.stream().map(t -> TimerView.of(t, now)).toList());
    }
}
