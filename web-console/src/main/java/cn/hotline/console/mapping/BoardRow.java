package cn.hotline.console.mapping;

import java.time.Instant;
import java.util.List;

import cn.hotline.console.mapping.Views.Dispatch;
import cn.hotline.console.mapping.Views.Timer;

/**
 * One line of the commander's board: an open dispatch and the stage timer that runs out first. The browser colours
 * it from {@code startedAt}, the two warning instants and the deadline, so the colour stays right without the server.
 */
public record BoardRow(Dispatch dispatch, String place, String categoryName, Timer timer, Instant warn50, Instant warn80) {

    public Instant deadline() {
        return timer == null ? null : timer.deadline();
    }

    public String stage() {
        return timer == null ? null : timer.stage();
    }

    public long epochMillis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    /** Overdue now (the browser re-decides every second). */
    public boolean overdue(Instant now) {
        return timer != null && (timer.breached() || !now.isBefore(timer.deadline()));
    }

    /** The warning instants sla computed on its calendar, else 50 % and 80 % of the span. */
    public static BoardRow of(Dispatch d, String place, String categoryName, Timer t) {
        if (t == null) {
            return new BoardRow(d, place, categoryName, null, null, null);
        }
        List<Instant> warnings = t.warningInstants() == null ? List.of() : t.warningInstants();
        Instant w50 = warnings.size() > 0 ? warnings.get(0) : fraction(t.startedAt(), t.deadline(), 0.5);
        Instant w80 = warnings.size() > 1 ? warnings.get(1) : fraction(t.startedAt(), t.deadline(), 0.8);
        return new BoardRow(d, place, categoryName, t, w50, w80);
    }

    private static Instant fraction(Instant start, Instant end, double share) {
        if (start == null || end == null) {
            return end;
        }
        long span = end.toEpochMilli() - start.toEpochMilli();
        return Instant.ofEpochMilli(start.toEpochMilli() + Math.round(span * share));
    }
}
