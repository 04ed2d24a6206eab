package cn.hotline.routing.mapping;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.UnitRef;

/** A dispatch as the API shows it (the contract's shape plus details). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DispatchView(String id, String ticketId, String ticketNumber, String state, String queue, UnitRef lead,
        List<AssistingView> assisting, String handlerId, int escalationLevel, String escalationReason,
        List<String> explanation, String ruleId, Integer ruleVersion, TerritoryRef territory, String categoryCode,
        String kind, String urgency, String channel, String address, String caseLeaderId, ExtensionView extension,
        String returnReasonCode, String returnNote, String reviewNote, String previousDispatchId,
        Instant createdAt, Instant updatedAt, long version, List<String> allowedActions) {

    /** An assisting unit and its part. */
    public record AssistingView(String unitCode, String unitName, String status, String report) {
    }

    /** The extension request, if any. */
    public record ExtensionView(boolean pending, String duration, String reason, Boolean approved) {
    }
}
