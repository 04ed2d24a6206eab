package cn.hotline.sla.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.CalendarEntity;
import cn.hotline.sla.domain.WorkingCalendar;
import cn.hotline.sla.domain.WorkingPeriod;

/** The working calendars in memory, so deadline math never waits for the database. */
@ApplicationScoped
public class CalendarRegistry {

    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

    /** The named calendar; default working hours without holidays when it was never imported. */
    public WorkingCalendar get(String name) {
        return calendars.computeIfAbsent(name, WorkingCalendar::defaults);
    }

    public boolean known(String name) {
        return calendars.containsKey(name);
    }

    public WorkingCalendar put(CalendarEntity entity) {
        WorkingCalendar calendar = toDomain(entity);
        calendars.put(calendar.name(), calendar);
        return calendar;
    }

    public static WorkingCalendar toDomain(CalendarEntity entity) {
        List<WorkingPeriod> periods = split(entity.periods).stream().map(WorkingPeriod::parse).toList();
        Set<DayOfWeek> weekdays = split(entity.weekdays).stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
        return new WorkingCalendar(entity.name, ZoneId.of(entity.zone), periods, weekdays, dates(entity.daysOff),
                dates(entity.makeUpDays));
    }

    static Set<LocalDate> dates(String text) {
        return split(text).stream().map(LocalDate::parse).collect(Collectors.toSet());
    }

    static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
