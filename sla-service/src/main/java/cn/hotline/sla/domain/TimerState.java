package cn.hotline.sla.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a stage timer, with its allowed transitions; a breach is a flag, the timer keeps running. */
public enum TimerState {
    RUNNING, PAUSED, MET, CANCELLED;

    private static final Map<TimerState, Set<TimerState>> ALLOWED = Map.of(
            RUNNING, EnumSet.of(PAUSED, MET, CANCELLED),
            PAUSED, EnumSet.of(RUNNING, MET, CANCELLED),
            MET, EnumSet.noneOf(TimerState.class),
            CANCELLED, EnumSet.noneOf(TimerState.class));

    public boolean canBecome(TimerState next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean active() {
        return this == RUNNING || this == PAUSED;
    }
}
