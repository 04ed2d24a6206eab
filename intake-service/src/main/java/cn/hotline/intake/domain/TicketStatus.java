package cn.hotline.intake.domain;

/** The citizen-visible status of a ticket; the moves between them are {@link TicketTransitions}. */
public enum TicketStatus {
    ACCEPTED, DISPATCHED, IN_PROGRESS, AWAITING_FOLLOWUP, CLOSED, MERGED, TRANSFERRED_OUT;

    public boolean canMoveTo(TicketStatus next) {
        return TicketTransitions.allowed(this, next);
    }

    public boolean isFinal() {
        return TicketTransitions.isFinal(this);
    }

    /** Open Open311 status: everything not finished is {@code open}. */
    public boolean isOpen() {
        return this != CLOSED && this != MERGED && this != TRANSFERRED_OUT;
    }
}
