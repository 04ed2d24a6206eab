package cn.hotline.events.payload;

import java.time.Instant;

/**
 * The payload of every {@code sla.*} event. {@code thresholdPercent} is 50/80 for a warning and 100 for a
 * breach; {@code sequence} numbers overdue reminders; {@code late} marks a firing that happened after its
 * due instant because the service was down; {@code onTime}/{@code lateBy} describe a met stage.
 */
public record SlaEvent(
        int schemaVersion,
        String timerId,
        String ticketId,
        String ticketNumber,
        String dispatchId,
        String policyCode,
        String stage,
        String urgency,
        String unitCode,
        String handlerId,
        Integer thresholdPercent,
        Integer sequence,
        Instant deadline,
        Instant dueAt,
        Instant firedAt,
        String remaining,
        Boolean onTime,
        String lateBy,
        boolean late) {

    public static final int SCHEMA_VERSION = 1;
}
