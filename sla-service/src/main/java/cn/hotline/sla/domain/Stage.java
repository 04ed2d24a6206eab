package cn.hotline.sla.domain;

/** The stages a policy can time (domain.md "Deadlines"). */
public enum Stage {
    SIGN, ARRIVE, HANDLE, CLOSE, ACCEPT, REVIEW, NO_PROGRESS
}
