package cn.hotline.notify.domain;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What triggered a reminder-ladder level, kept with the scheduled level as JSON: one record per kind of event. The
 * stored {@code trigger} picks the record when it is read back, so rows written before the split still read.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "trigger", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = DispatchTrigger.class, names = { "DISPATCHED", "QUEUED", "RETURNED", "ESCALATED",
                "EXTENSION_REQUESTED", "EXTENSION_DECIDED", "CANCELLED" }),
        @JsonSubTypes.Type(value = SlaTrigger.class, names = { "WARNING", "BREACHED", "OVERDUE_REMINDER" }),
        @JsonSubTypes.Type(value = AlertTrigger.class, name = "ALERT"),
        @JsonSubTypes.Type(value = DeliveryFailureTrigger.class, name = "DELIVERY_FAILED") })
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface TriggerContext permits DispatchTrigger, SlaTrigger, AlertTrigger, DeliveryFailureTrigger {

    String ticketId();

    String ticketNumber();

    String policyCode();

    String stage();

    Trigger trigger();

    Instant occurredAt();

    /** The trigger's distinguishing part (threshold, reminder or escalation number, occurrence): part of the dedup key. */
    String instance();

    default String dispatchId() {
        return null;
    }

    default String unitCode() {
        return null;
    }

    default String handlerId() {
        return null;
    }

    default String territoryCode() {
        return null;
    }

    default String urgency() {
        return null;
    }

    /** Stages of an assisting unit (协办): one scope per unit, so two assisting units are two notices. */
    static boolean assisting(String stage) {
        return stage != null && stage.startsWith("ASSIST_");
    }

    /** The scope of an assisting unit's part of a dispatch. */
    static String assistScope(String dispatchId, String unitCode) {
        return dispatchId + "@" + unitCode;
    }

    /** The dispatch id (or an assisting unit's part of it), else the ticket id. */
    default String scope() {
        if (dispatchId() != null && unitCode() != null && assisting(stage())) {
            return assistScope(dispatchId(), unitCode());
        }
        return dispatchId() != null ? dispatchId() : ticketId();
    }

    /** Every scope a stop may have been recorded under (the assisting part, dispatch and ticket). */
    default List<String> scopes() {
        if (dispatchId() != null && unitCode() != null && assisting(stage())) {
            return ticketId() == null ? List.of(scope(), dispatchId()) : List.of(scope(), dispatchId(), ticketId());
        }
        return dispatchId() != null && ticketId() != null ? List.of(dispatchId(), ticketId()) : List.of(scope());
    }

    default boolean urgent() {
        return "URGENT".equalsIgnoreCase(urgency()) || "URGENT".equalsIgnoreCase(policyCode());
    }

    /** {@link #instance()} for a trigger each of whose occurrences is its own notice. */
    static String occurrence(Trigger trigger, Instant occurredAt) {
        return trigger + (trigger.perOccurrence() && occurredAt != null ? "@" + occurredAt.toEpochMilli() : "");
    }
}
