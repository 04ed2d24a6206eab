package cn.hotline.sla.domain;

import java.time.LocalDate;

/** One day a holiday notice names: a day off ({@code OFF}, 休) or a make-up working day ({@code WORK}, 班). */
public record CalendarDay(LocalDate date, Kind kind, String label) {

    /** What the day is. */
    public enum Kind {
        OFF, WORK
    }
}
