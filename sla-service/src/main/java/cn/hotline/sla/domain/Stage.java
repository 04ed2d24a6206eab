package cn.hotline.sla.domain;

/**
 * The stages a policy can time (domain.md "Deadlines"). QUEUE and RETURN_REVIEW are the duty dispatcher's
 * (a MANUAL ticket waiting to be placed, a return waiting for review); ASSIST_SIGN and ASSIST_REPORT are an
 * assisting unit's own (协办签收、协办反馈), one timer per assisting unit.
 */
public enum Stage {
    SIGN, ARRIVE, HANDLE, CLOSE, ACCEPT, REVIEW, NO_PROGRESS, QUEUE, RETURN_REVIEW, ASSIST_SIGN, ASSIST_REPORT;

    /** Whether the stage belongs to an assisting unit rather than the lead. */
    public boolean assisting() {
        return this == ASSIST_SIGN || this == ASSIST_REPORT;
    }
}
