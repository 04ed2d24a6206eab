package cn.hotline.sla.mapping;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.hotline.sla.domain.PausedSpan;
import cn.hotline.sla.domain.TimerEntity;

/** A stage timer as the API shows it. */
public record TimerView(String timerId, String policyCode, String stage, String scope, String state, String mode,
        String dispatchId, String unitCode, Instant startedAt, String duration, String extension, Instant deadline,
        String remaining, boolean breached, Instant breachedAt, List<String> warningsFired, int remindersFired,
        List<Instant> warningInstants, Instant pausedAt, List<PausedSpan> pausedSpans, Instant stoppedAt,
        Boolean onTime, Instant nextDueAt, String ticketId) {

    public static TimerView of(TimerEntity t, Instant now) {
        String remaining = t.state.active() ? Duration.between(now, t.deadline).toString() : null;
        return new TimerView(t.id, t.policyCode, t.stage.name(), t.scope.name(), t.state.name(), t.mode.name(),
                t.dispatchId, t.unitCode, t.startedAt, t.duration, t.extension, t.deadline, remaining, t.breached,
                t.breachedAt, t.warningsFired == null || t.warningsFired.isBlank() ? List.of()
                        : List.of(t.warningsFired.split(",")),
                t.remindersFired,
                t.warningInstants == null || t.warningInstants.isBlank() ? List.of()
                        : java.util.Arrays.stream(t.warningInstants.split(",")).map(Instant::parse).toList(),
                t.pausedAt, PausedSpan.parseAll(t.pausedSpans), t.stoppedAt, t.onTime, t.nextDueAt, t.ticketId);
    }
}
