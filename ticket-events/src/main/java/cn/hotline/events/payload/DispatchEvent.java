package cn.hotline.events.payload;

import java.time.Instant;
import java.util.List;

/**
 * The payload of every {@code dispatch.*} event: the dispatch as it stands after the action, plus the
 * action's own details. Fields an action does not have stay null. {@code actionAt} is when the action
 * happened (what SLA timers start and stop on).
 */
public record DispatchEvent(
        int schemaVersion,
        String dispatchId,
        String ticketId,
        String ticketNumber,
        String state,
        String queue,
        UnitRef lead,
        List<UnitRef> assisting,
        String actingUnitCode,
        String handlerId,
        int escalationLevel,
        String urgency,
        String kind,
        String channel,
        String categoryCode,
        TerritoryRef territory,
        String address,
        String actor,
        Instant actionAt,
        String reasonCode,
        String note,
        String previousDispatchId,
        String extensionDuration,
        Boolean extensionApproved,
        String caseLeaderId,
        Double lat,
        Double lon) {

    public static final int SCHEMA_VERSION = 1;
}
