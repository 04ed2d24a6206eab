package cn.hotline.sla.service;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.CalendarDay;
import cn.hotline.support.problem.ProblemException;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Summary;

/**
 * Reads an official holiday notice in iCalendar form: all-day events whose SUMMARY ends in {@code (休)} are
 * days off, {@code (班)} make-up working days; DTEND is exclusive. Other events are ignored.
 */
@ApplicationScoped
public class IcsParser {

    private static final int MAX_SPAN_DAYS = 60;

    public List<CalendarDay> parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body", "an iCalendar (text/calendar) document is required");
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(body));
        } catch (ParserException | IOException | RuntimeException e) {
            throw ProblemException.badRequest("body", "not a valid iCalendar document: " + e.getMessage());
        }
        List<CalendarDay> days = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            String summary = event.<Summary>getProperty(Property.SUMMARY).map(Summary::getValue).orElse("").trim();
            CalendarDay.Kind kind = kindOf(summary);
            if (kind != null) {
                days.addAll(expand(event, kind, summary));
            }
        }
        if (days.isEmpty()) {
            throw ProblemException.badRequest("body", "no all-day event with a SUMMARY ending in (休) or (班)");
        }
        return days;
    }

    private static CalendarDay.Kind kindOf(String summary) {
        if (summary.endsWith("(休)") || summary.endsWith("（休）")) {
            return CalendarDay.Kind.OFF;
        }
        if (summary.endsWith("(班)") || summary.endsWith("（班）")) {
            return CalendarDay.Kind.WORK;
        }
        return null;
    }

    private static List<CalendarDay> expand(VEvent event, CalendarDay.Kind kind, String summary) {
        // A notice lists its days; a recurrence would be read as one day and the calendar silently wrong.
        if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
            throw ProblemException.badRequest("body", "event '" + summary + "' recurs (RRULE/RDATE): list each day instead");
        }
        LocalDate start = dateOf(event, Property.DTSTART, summary)
                .orElseThrow(() -> ProblemException.badRequest("body", "event '" + summary + "' has no DTSTART"));
        LocalDate end = dateOf(event, Property.DTEND, summary).orElse(start.plusDays(1));
        if (!end.isAfter(start) || end.isAfter(start.plusDays(MAX_SPAN_DAYS))) {
            throw ProblemException.badRequest("body", "event '" + summary + "' has DTEND " + end
                    + " not after DTSTART " + start + " or spanning more than " + MAX_SPAN_DAYS + " days");
        }
        String label = summary.substring(0, summary.length() - 3);
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
            days.add(new CalendarDay(day, kind, label));
        }
        return days;
    }

    private static Optional<LocalDate> dateOf(VEvent event, String property, String summary) {
        try {
            return event.<DateProperty<Temporal>>getProperty(property).map(DateProperty::getDate).map(LocalDate::from);
        } catch (RuntimeException e) {
            // Not a date, or a date-time in a zone nobody knows (TZID): either way not a day of a holiday notice.
            throw ProblemException.badRequest("body", "event '" + summary + "' has a " + property + " that is not a date");
        }
    }
}
