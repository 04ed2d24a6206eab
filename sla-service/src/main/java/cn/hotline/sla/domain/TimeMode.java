package cn.hotline.sla.domain;

/** How a stage timer counts: plain elapsed time, or working time of a working calendar. */
public enum TimeMode {
    CLOCK, WORKING
}
