package cn.hotline.notify.domain;

import java.time.Instant;

/** An SLA timer's warning (at a threshold), breach or overdue reminder (numbered) for a stage. */
public record SlaTrigger(
        String ticketId,
        String ticketNumber,
        String dispatchId,
        String policyCode,
        String stage,
        Trigger trigger,
        Integer thresholdPercent,
        Integer sequence,
        String unitCode,
        String handlerId,
        String urgency,
        Instant deadline,
        String remaining,
        Instant occurredAt) implements TriggerContext {

    @Override
    public String instance() {
        return trigger + (thresholdPercent != null ? ":" + thresholdPercent : "") + (sequence != null ? ":R" + sequence : "")
                + (trigger != null && trigger.perOccurrence() && occurredAt != null ? "@" + occurredAt.toEpochMilli() : "");
    }
}
