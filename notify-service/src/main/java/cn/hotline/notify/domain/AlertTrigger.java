package cn.hotline.notify.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An alert from intake: a repeat complainant ({@code count} calls in {@code windowDays}) or a hotword surge. */
public record AlertTrigger(
        String ticketId,
        String ticketNumber,
        String stage,
        String territoryCode,
        String keyword,
        Long count,
        Integer windowDays,
        Instant occurredAt) implements TriggerContext {

    public static final String POLICY = "ALERT";

    @Override
    @JsonProperty("policyCode")
    public String policyCode() {
        return POLICY;
    }

    @Override
    @JsonProperty("trigger")
    public Trigger trigger() {
        return Trigger.ALERT;
    }

    @Override
    public String instance() {
        return TriggerContext.occurrence(trigger(), occurredAt);
    }
}
