package cn.hotline.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The absolute instants of a stage timer: the deadline and one warning instant per threshold. Warnings sit
 * at a share of the timer's budget (measured in its own mode); every closed pause pushes later instants
 * back by the paused span, measured the same way.
 */
public record TimerPlan(Instant deadline, List<Instant> warnings) {

    public static TimerPlan compute(WorkingCalendar calendar, Instant startedAt, SlaDuration duration, TimeMode mode,
            List<Integer> thresholds, List<PausedSpan> pauses) {
        Instant base = calendar.deadline(startedAt, duration, mode);
        Duration budget = calendar.measure(startedAt, base, mode);
        List<PausedSpan> ordered = pauses.stream().sorted(Comparator.comparing(PausedSpan::start)).toList();
        List<Instant> warnings = new ArrayList<>();
        for (int percent : thresholds) {
            Instant at = calendar.advance(startedAt, budget.multipliedBy(percent).dividedBy(100), mode);
            warnings.add(shift(calendar, at, ordered, mode));
        }
        return new TimerPlan(shift(calendar, base, ordered, mode), warnings);
    }

    private static Instant shift(WorkingCalendar calendar, Instant at, List<PausedSpan> pauses, TimeMode mode) {
        Instant shifted = at;
        for (PausedSpan pause : pauses) {
            if (pause.start().isBefore(shifted)) {
                shifted = calendar.advance(shifted, calendar.measure(pause.start(), pause.end(), mode), mode);
            }
        }
        return shifted;
    }
}
