package cn.hotline.sla.domain;

import java.time.LocalTime;

/** One stretch of working hours within a day, {@code [start, end)}, e.g. 08:30–12:00. */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working period " + start + "-" + end + " must end after it starts");
        }
    }

    /** Parses {@code 08:30-12:00}. */
    public static WorkingPeriod parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a working period like 08:30-12:00");
        }
        return new WorkingPeriod(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
