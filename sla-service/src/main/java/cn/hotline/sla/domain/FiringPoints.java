package cn.hotline.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The firing points of a timer in order: warnings (index {@code 0..t-1}), the breach (index {@code t}),
 * overdue reminders (index {@code t+1..t+maxReminders}); names are the threshold percent or {@code R<seq>}.
 */
public record FiringPoints(List<Integer> thresholds, List<Instant> warnings, Instant deadline, Duration reminderInterval,
        int maxReminders) {

    public static final int BREACH_PERCENT = 100;

    /** The points of {@code timer} as planned (thresholds, warning instants, deadline, reminders). */
    public static FiringPoints of(TimerEntity timer) {
        return new FiringPoints(parseThresholds(timer.thresholds), parseInstants(timer.warningInstants), timer.deadline,
                interval(timer.reminderInterval), timer.maxReminders);
    }

    public int breachIndex() {
        return thresholds.size();
    }

    /** When point {@code index} is due, or null when there is no such point. */
    public Instant due(int index) {
        if (index < 0) {
            return null;
        }
        if (index < thresholds.size()) {
            return warnings.get(index);
        }
        if (index == thresholds.size()) {
            return deadline;
        }
        int sequence = index - thresholds.size();
        if (reminderInterval == null || reminderInterval.isZero() || sequence > maxReminders) {
            return null;
        }
        return deadline.plus(reminderInterval.multipliedBy(sequence));
    }

    public String name(int index) {
        if (index < thresholds.size()) {
            return String.valueOf(thresholds.get(index));
        }
        return index == thresholds.size() ? String.valueOf(BREACH_PERCENT) : "R" + (index - thresholds.size());
    }

    /**
     * The points to fire now, from {@code nextIndex}: a due breach always; of the rest only the latest due one
     * (after downtime, a pile of stale warnings or reminders is noise). Empty when nothing is due.
     */
    public List<Integer> dueNow(int nextIndex, Instant now) {
        int last = -1;
        for (int i = nextIndex; due(i) != null && !due(i).isAfter(now); i++) {
            last = i;
        }
        List<Integer> fire = new ArrayList<>();
        if (last < 0) {
            return fire;
        }
        if (nextIndex <= breachIndex() && last > breachIndex()) {
            fire.add(breachIndex());
        }
        if (last >= breachIndex() || fire.isEmpty()) {
            fire.add(last);
        }
        return fire;
    }

    public static List<Integer> parseThresholds(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim)
                .map(Integer::valueOf).toList();
    }

    public static List<Instant> parseInstants(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Instant::parse).toList();
    }

    public static Duration interval(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        SlaDuration parsed = SlaDuration.parse(text);
        return Duration.ofDays(parsed.days() + 30L * parsed.months()).plus(parsed.time());
    }
}
