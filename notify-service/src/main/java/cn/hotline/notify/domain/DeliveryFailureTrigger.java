package cn.hotline.notify.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An SMS that no gateway could deliver: the duty dispatcher is told whom ({@code note}) to phone instead. */
public record DeliveryFailureTrigger(String ticketId, String urgency, Instant occurredAt, String note) implements TriggerContext {

    public static final String STAGE = "DELIVERY_FAILED";

    @Override
    public String ticketNumber() {
        return null;
    }

    @Override
    @JsonProperty("policyCode")
    public String policyCode() {
        return AlertTrigger.POLICY;
    }

    @Override
    @JsonProperty("stage")
    public String stage() {
        return STAGE;
    }

    @Override
    @JsonProperty("trigger")
    public Trigger trigger() {
        return Trigger.DELIVERY_FAILED;
    }

    @Override
    public String instance() {
        return TriggerContext.occurrence(trigger(), occurredAt);
    }
}
