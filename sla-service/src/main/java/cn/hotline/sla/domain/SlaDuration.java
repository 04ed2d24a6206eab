package cn.hotline.sla.domain;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 duration split the way deadlines need it: months and days (counted as working days in
 * working mode) and a time part (counted as working time in working mode).
 */
public record SlaDuration(int months, int days, Duration time) {

    public SlaDuration {
        if (months < 0 || days < 0 || time.isNegative()) {
            throw new IllegalArgumentException("a deadline duration cannot be negative");
        }
    }

    /** Parses {@code P3D}, {@code PT1H}, {@code P1DT2H30M}, {@code P1M}, {@code P2W}. */
    public static SlaDuration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("duration is missing");
        }
        String upper = text.trim().toUpperCase();
        int t = upper.indexOf('T');
        try {
            Period period = t == 1 || upper.equals("P") ? Period.ZERO : Period.parse(t < 0 ? upper : upper.substring(0, t));
            Duration time = t < 0 ? Duration.ZERO : Duration.parse("PT" + upper.substring(t + 1));
            return new SlaDuration((int) period.toTotalMonths(), period.getDays(), time);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as P3D or PT1H");
        }
    }

    public SlaDuration plus(SlaDuration other) {
        return new SlaDuration(months + other.months, days + other.days, time.plus(other.time));
    }

    public boolean isZero() {
        return months == 0 && days == 0 && time.isZero();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("P");
        if (months > 0) {
            text.append(months).append('M');
        }
        if (days > 0) {
            text.append(days).append('D');
        }
        if (!time.isZero() || isZero()) {
            text.append(time.toString().substring(1));
        }
        return text.toString();
    }
}
