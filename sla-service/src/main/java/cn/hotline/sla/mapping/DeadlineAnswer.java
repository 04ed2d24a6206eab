package cn.hotline.sla.mapping;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cn.hotline.sla.domain.SlaDuration;
import cn.hotline.sla.domain.TimeMode;
import cn.hotline.sla.domain.WorkingCalendar;

/** The answer of a deadline question; {@code deadline} carries the calendar's offset. */
public record DeadlineAnswer(String calendar, String start, String duration, String mode, String deadline,
        String deadlineInstant, String workingTime, String elapsed) {

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** Works out the deadline of {@code duration} from {@code from} on {@code calendar}. */
    public static DeadlineAnswer of(WorkingCalendar calendar, Instant from, SlaDuration duration, TimeMode mode) {
        Instant deadline = calendar.deadline(from, duration, mode);
        return new DeadlineAnswer(calendar.name(), from.atZone(calendar.zone()).format(OFFSET), duration.toString(),
                mode.name().toLowerCase(Locale.ROOT), deadline.atZone(calendar.zone()).format(OFFSET),
                deadline.toString(), calendar.workingTimeBetween(from, deadline).toString(),
                Duration.between(from, deadline).toString());
    }
}
