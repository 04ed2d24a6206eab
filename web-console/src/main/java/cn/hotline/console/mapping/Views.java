package cn.hotline.console.mapping;

import java.time.Instant;
import java.util.List;

/** The services' answers as the console reads them (only the fields it shows; the rest is ignored). */
public final class Views {

    private Views() {
    }

    public record Category(String code, String name, String parentCode) {
    }

    public record Territory(String countyCode, String townCode, String villageCode, String resolvedBy) {
    }

    public record Caller(String name, String phone, String idNumber) {
    }

    public record Location(Double lat, Double lon, String address) {
    }

    public record Duplicate(String id, String number, String status, String reason, Instant receivedAt) {
    }

    public record Attachment(String name, String contentType, Long size, String url) {
    }

    public record Ticket(String id, String number, String status, String channel, String kind, String urgency,
            String categoryCode, String content, Caller caller, Location location, Territory territory, List<String> flags,
            List<Duplicate> duplicateSuggestions, List<Attachment> attachments, String externalRef, String masterTicketId,
            int reopenCount, Instant receivedAt, Instant updatedAt, Instant closedAt) {
    }

    public record TicketPage(List<Ticket> items, String next) {
    }

    public record TicketPreview(Territory territory, List<String> flags, List<Duplicate> duplicateSuggestions,
            long callerTicketsInWindow, int repeatThreshold) {
    }

    public record Unit(String unitCode, String unitName) {
    }

    public record UnitChoice(String unitCode, String unitName, String kind, String level, String territoryCode) {
    }

    public record Assisting(String unitCode, String unitName, String status, String report) {
    }

    public record Extension(boolean pending, String duration, String reason, Boolean approved) {
    }

    public record Dispatch(String id, String ticketId, String ticketNumber, String state, String queue, Unit lead,
            List<Assisting> assisting, String handlerId, int escalationLevel, String escalationReason,
            List<String> explanation, String ruleId, Integer ruleVersion, Territory territory, String categoryCode,
            String kind, String urgency, String channel, String address, String caseLeaderId, Extension extension,
            String returnReasonCode, String returnNote, String reviewNote, String previousDispatchId, Instant createdAt,
            Instant updatedAt, long version, List<String> allowedActions) {
    }

    public record FieldView(Dispatch dispatch, String personId, String unitCode, String part, Instant expiresAt) {
    }

    public record Photo(String id, String dispatchId, String personId, String unitCode, String contentType, int width,
            int height, int sizeBytes, Instant createdAt) {
    }

    public record Decision(String queue, Unit lead, List<Unit> assisting, String ruleId, Integer ruleVersion,
            Territory territory, List<String> explanation) {
    }

    public record HistoryEntry(String action, String actor, String actingUnitCode, String fromState, String toState,
            String reasonCode, String note, Instant at) {
    }

    public record TrailEntry(String action, String actor, String reference, String detail, Instant at) {
    }

    public record Timer(String timerId, String policyCode, String stage, String scope, String state, String mode,
            String dispatchId, String unitCode, Instant startedAt, String duration, Instant deadline, boolean breached,
            List<String> warningsFired, List<Instant> warningInstants, Instant pausedAt, Instant stoppedAt,
            Boolean onTime, String ticketId) {
    }

    public record TicketSla(String ticketId, String ticketNumber, String policyCode, List<Timer> timers) {
    }

    public record Notification(String id, String ticketId, String dispatchId, String stage, int level,
            String recipientId, String recipientRole, String recipientPhone, String templateCode, String text,
            int segments, String gateway, String status, String error, Instant createdAt, Instant sentAt,
            Instant receiptAt) {
    }

    public record GroupKpis(String key, long dispatches, long tickets, Double onTimeSignRate, Double onTimeArrivalRate,
            Double onTimeCloseRate, Double threeDayCloseRate, Double responseRate, Double resolutionRate,
            Double satisfactionRate, Double returnRate, Double firstTimeResolutionRate, long overdueCount,
            String averageHandlingTime, Long averageHandlingSeconds) {
    }

    public record TicketStats(Instant from, Instant to, long total, java.util.Map<String, Long> byChannel,
            java.util.Map<String, Long> byKind, java.util.Map<String, Long> byCategory, java.util.Map<String, Long> byCounty,
            long repeatComplainants, long possibleDuplicates, long mergedAway, java.util.List<Surge> hotwordSurges) {
    }

    public record Surge(String townCode, String countyCode, String keyword, String categoryCode, long count, double baseline,
            Instant raisedAt) {
    }

    public record KpiReport(String groupBy, Instant from, Instant to, List<GroupKpis> groups) {
    }
}
