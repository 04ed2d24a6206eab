package cn.hotline.routing.domain;

/** States of a dispatch; {@link #open()} is false for the three end states. */
public enum DispatchState {
    UNASSIGNED, ASSIGNED, SIGNED, ARRIVED, HANDLING, RETURNED, COMPLETED, REASSIGNED, CANCELLED;

    public boolean open() {
        return this != COMPLETED && this != REASSIGNED && this != CANCELLED;
    }
}
