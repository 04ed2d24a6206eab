package cn.hotline.intake.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The citizen-visible status of a ticket and the explicit table of allowed transitions. */
public enum TicketStatus {
    ACCEPTED, DISPATCHED, IN_PROGRESS, AWAITING_FOLLOWUP, CLOSED, MERGED, TRANSFERRED_OUT;

    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            ACCEPTED, EnumSet.of(DISPATCHED, IN_PROGRESS, AWAITING_FOLLOWUP, MERGED, TRANSFERRED_OUT),
            // DISPATCHED → DISPATCHED: a re-dispatch (改派) to another unit.
            DISPATCHED, EnumSet.of(DISPATCHED, IN_PROGRESS, AWAITING_FOLLOWUP, MERGED, TRANSFERRED_OUT),
            IN_PROGRESS, EnumSet.of(DISPATCHED, IN_PROGRESS, AWAITING_FOLLOWUP, MERGED, TRANSFERRED_OUT),
            // AWAITING_FOLLOWUP → DISPATCHED: reopened (重办), routed again.
            AWAITING_FOLLOWUP, EnumSet.of(CLOSED, DISPATCHED),
            CLOSED, EnumSet.noneOf(TicketStatus.class),
            MERGED, EnumSet.noneOf(TicketStatus.class),
            TRANSFERRED_OUT, EnumSet.noneOf(TicketStatus.class));

    public boolean canMoveTo(TicketStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** Open Open311 status: everything not finished is {@code open}. */
    public boolean isOpen() {
        return this != CLOSED && this != MERGED && this != TRANSFERRED_OUT;
    }
}
