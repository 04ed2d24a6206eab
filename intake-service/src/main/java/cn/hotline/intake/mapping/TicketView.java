package cn.hotline.intake.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.hotline.intake.domain.TerritoryResult;

/** A ticket as the API shows it; caller phone/ID masked unless the reader may see them in full. */
public record TicketView(
        UUID id,
        String number,
        String status,
        String channel,
        String kind,
        String urgency,
        String categoryCode,
        String content,
        CallerView caller,
        LocationView location,
        TerritoryResult territory,
        List<String> flags,
        List<DuplicateSuggestion> duplicateSuggestions,
        List<CreateTicketRequest.Attachment> attachments,
        String externalRef,
        String proxyAgent,
        UUID masterTicketId,
        int reopenCount,
        Instant occurredAt,
        Instant receivedAt,
        Instant updatedAt,
        Instant closedAt) {

    /** The caller, phone and ID number masked for most readers; {@code smsOptOut}: no SMS about this ticket. */
    public record CallerView(String name, String phone, String idNumber, boolean smsOptOut) {
    }

    /** Where it happened. */
    public record LocationView(Double lat, Double lon, String address) {
    }
}
