package cn.hotline.events.payload;

import java.time.Instant;
import java.util.List;

/**
 * {@code alert.repeat-complainant} (重复投诉预警): the same caller again and again, or a closed matter raised again.
 * {@code reason} is {@code COUNT_IN_WINDOW} or {@code CLOSED_MATTER_RAISED_AGAIN}.
 */
public record RepeatComplainantAlert(
        int schemaVersion,
        String ticketId,
        String number,
        String callerPhoneMasked,
        String reason,
        int ticketCount,
        int windowDays,
        List<String> relatedTicketIds,
        TerritoryRef territory,
        Instant raisedAt) {

    public static final int SCHEMA_VERSION = 1;
}
