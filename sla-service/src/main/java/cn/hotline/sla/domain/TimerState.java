package cn.hotline.sla.domain;

/** The life of a stage timer; which state follows which is {@link TimerTransitions}, the only way a state moves. */
public enum TimerState {
    RUNNING, PAUSED, MET, CANCELLED;

    public boolean active() {
        return TimerTransitions.ACTIVE.contains(this);
    }
}
