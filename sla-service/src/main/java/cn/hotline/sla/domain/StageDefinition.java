package cn.hotline.sla.domain;

import java.util.List;

/**
 * One stage timer of a policy: when it starts and stops (event types), how long, in which time, where it
 * warns (percent of the budget) and how often it reminds once overdue.
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

    public StageDefinition {
        scope = scope == null ? (stage == Stage.CLOSE ? TimerScope.TICKET : TimerScope.DISPATCH) : scope;
        mode = mode == null ? TimeMode.WORKING : mode;
        warningThresholds = warningThresholds == null ? DEFAULT_THRESHOLDS
                : warningThresholds.stream().sorted().toList();
        maxReminders = maxReminders == null ? 10 : maxReminders;
    }
}
