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
        Instant occurredAt,
        String note) {

    /** Stages of an assisting unit (协办): one scope per unit, so two assisting units are two notices. */
    public static boolean assisting(String stage) {
        return stage != null && stage.startsWith("ASSIST_");
    }

    /** The scope of an assisting unit's part of a dispatch. */
    public static String assistScope(String dispatchId, String unitCode) {
        return dispatchId + "@" + unitCode;
    }

    public String scope() {
        if (dispatchId != null && unitCode != null && assisting(stage)) {
            return assistScope(dispatchId, unitCode);
        }
        return dispatchId != null ? dispatchId : ticketId;
    }

    /** Every scope a stop may have been recorded under (the assisting part, dispatch and ticket). */
    public List<String> scopes() {
        if (dispatchId != null && unitCode != null && assisting(stage)) {
            return ticketId == null ? List.of(scope(), dispatchId) : List.of(scope(), dispatchId, ticketId);
        }
        return dispatchId != null && ticketId != null ? List.of(dispatchId, ticketId) : List.of(scope());
    }

    public boolean urgent() {
        return "URGENT".equalsIgnoreCase(urgency) || "URGENT".equalsIgnoreCase(policyCode);
    }

    /** The trigger's distinguishing part: threshold for a warning, sequence for a reminder. */
    public String instance() {
        return trigger + (thresholdPercent != null ? ":" + thresholdPercent : "") + (sequence != null ? ":R" + sequence : "")
                + (trigger != null && trigger.perOccurrence() && occurredAt != null ? "@" + occurredAt.toEpochMilli() : "");
    }
}
