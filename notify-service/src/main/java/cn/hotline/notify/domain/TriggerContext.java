package cn.hotline.notify.domain;

import java.time.Instant;
import java.util.List;

/**
 * What triggered an escalation level, kept with the scheduled level: the ticket, dispatch, stage and the
 * SLA or alert details templates and recipients need. {@code scope} is the dispatch id, else the ticket id.
 */
public record TriggerContext(
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
        String territoryCode,
        String keyword,
        Long count,
        Integer windowDays,
        Instant occurredAt) {

    public String scope() {
        return dispatchId != null ? dispatchId : ticketId;
    }

    /** Every scope a stop may have been recorded under (dispatch and ticket). */
    public List<String> scopes() {
        return dispatchId != null && ticketId != null ? List.of(dispatchId, ticketId) : List.of(scope());
    }

    public boolean urgent() {
        return "URGENT".equalsIgnoreCase(urgency) || "URGENT".equalsIgnoreCase(policyCode);
    }

    /** The trigger's distinguishing part: threshold for a warning, sequence for a reminder. */
    public String instance() {
        return trigger + (thresholdPercent != null ? ":" + thresholdPercent : "") + (sequence != null ? ":R" + sequence : "");
    }
}
