package cn.hotline.intake.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a hand-over to 110 stands, and the explicit table of allowed transitions. */
public enum HandoverStatus {
    /** Written with the transfer-out; the worker delivers it (again) when due. */
    PENDING,
    /** 110 acknowledged it; the acknowledgement is on the ticket's trail. */
    DELIVERED,
    /** Every attempt failed; waits for a person (retry, or a phone call to 110). */
    FAILED;

    private static final Map<HandoverStatus, Set<HandoverStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(DELIVERED, FAILED),
            DELIVERED, EnumSet.noneOf(HandoverStatus.class),
            // FAILED → PENDING: a person asks for another round of attempts.
            FAILED, EnumSet.of(PENDING));

    public boolean canMoveTo(HandoverStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
