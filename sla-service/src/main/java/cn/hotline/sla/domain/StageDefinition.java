package cn.hotline.sla.domain;

import java.util.List;

/**
 * One stage timer of a policy: when it starts and stops (event types; {@code stopEvent} may list several,
 * comma-separated, any of which stops it), how long, in which time, where it warns (percent of the budget)
 * and how often it reminds once overdue.
 */
public record StageDefinition(
        Stage stage,
        TimerScope scope,
        String startEvent,
        String stopEvent,
        String duration,
        TimeMode mode,
        List<Integer> warningThresholds,
        String reminderInterval,
        Integer maxReminders) {

    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80);

    /** The event types that stop this stage. */
    public List<String> stopEvents() {
        return stopEvents(stopEvent);
    }

    public static List<String> stopEvents(String stopEvent) {
        return stopEvent == null ? List.of()
                : java.util.Arrays.stream(stopEvent.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** This stage as an assisting unit's: same budget, stopped by the assisting unit's own event. */
    public StageDefinition forAssisting(Stage assistStage, String assistStopEvent) {
        return new StageDefinition(assistStage, TimerScope.DISPATCH, startEvent, assistStopEvent, duration, mode,
                warningThresholds, reminderInterval, maxReminders);
    }

    public StageDefinition {
        scope = scope == null ? (stage == Stage.CLOSE ? TimerScope.TICKET : TimerScope.DISPATCH) : scope;
        mode = mode == null ? TimeMode.WORKING : mode;
        warningThresholds = warningThresholds == null ? DEFAULT_THRESHOLDS
                : warningThresholds.stream().sorted().toList();
        maxReminders = maxReminders == null ? 10 : maxReminders;
    }
}
