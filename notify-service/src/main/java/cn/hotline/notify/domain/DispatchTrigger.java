package cn.hotline.notify.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * A dispatch action someone must hear of: assigned (to the lead or an assisting unit), queued, returned, escalated
 * (提级, with its level), extension asked or decided, cancelled. {@code note} is the reason or decision shown.
 */
public record DispatchTrigger(
        String ticketId,
        String ticketNumber,
        String dispatchId,
        String policyCode,
        String stage,
        Trigger trigger,
        String unitCode,
        String handlerId,
        String urgency,
        String territoryCode,
        @JsonAlias("sequence") Integer escalationLevel,
        Instant occurredAt,
        String note) implements TriggerContext {

    @Override
    public String instance() {
        return trigger + (escalationLevel != null ? ":R" + escalationLevel : "")
                + (trigger != null && trigger.perOccurrence() && occurredAt != null ? "@" + occurredAt.toEpochMilli() : "");
    }
}
