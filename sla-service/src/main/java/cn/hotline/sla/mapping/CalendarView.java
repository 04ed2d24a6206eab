package cn.hotline.sla.mapping;

import java.time.LocalDate;
import java.util.List;

import cn.hotline.sla.domain.WorkingCalendar;

/** A calendar as stored. */
public record CalendarView(String name, String zone, List<String> workingHours, List<String> weekdays,
        List<LocalDate> daysOff, List<LocalDate> makeUpWorkingDays) {

    public static CalendarView of(WorkingCalendar calendar) {
        return new CalendarView(calendar.name(), calendar.zone().getId(),
                calendar.periods().stream().map(Object::toString).toList(),
                calendar.weekdays().stream().sorted().map(Object::toString).toList(),
                calendar.daysOff().stream().sorted().toList(), calendar.workdays().stream().sorted().toList());
    }
}
