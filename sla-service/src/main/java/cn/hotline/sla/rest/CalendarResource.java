package cn.hotline.sla.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.sla.domain.SlaDuration;
import cn.hotline.sla.domain.TimeMode;
import cn.hotline.sla.domain.WorkingCalendar;
import cn.hotline.sla.service.CalendarService;
import cn.hotline.sla.service.ReferenceRefresher;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Working calendars: import a holiday notice (iCalendar), read a calendar, ask for a deadline. */
@Path("/api/v1/calendars/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CalendarService calendars;
    private final ReferenceRefresher refresher;

    public CalendarResource(CalendarService calendars, ReferenceRefresher refresher) {
        this.calendars = calendars;
        this.refresher = refresher;
    }

    @POST
    @Path("/ics")
    @Consumes({"text/calendar", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    public Uni<CalendarService.ImportResult> importIcs(@PathParam("name") String name, String body) {
        checkName(name);
        return Panache.withTransaction(() -> calendars.importIcs(name, body)).call(() -> refresher.announce("calendar " + name));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    @WithTransaction
    public Uni<CalendarView> get(@PathParam("name") String name) {
        return known(name).map(ok -> {
            WorkingCalendar calendar = calendars.calendar(name);
            return new CalendarView(calendar.name(), calendar.zone().getId(),
                    calendar.periods().stream().map(Object::toString).toList(),
                    calendar.weekdays().stream().sorted().map(Object::toString).toList(),
                    calendar.daysOff().stream().sorted().toList(), calendar.workdays().stream().sorted().toList());
        });
    }

    @GET
    @Path("/deadline")
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    @WithTransaction
    public Uni<DeadlineAnswer> deadline(@PathParam("name") String name, @QueryParam("start") String start,
            @QueryParam("duration") String duration, @QueryParam("mode") String mode) {
        TimeMode timeMode = mode(mode);
        SlaDuration parsed;
        try {
            parsed = SlaDuration.parse(duration);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("duration", e.getMessage());
        }
        return known(name).map(ok -> {
            WorkingCalendar calendar = calendars.calendar(name);
            Instant from = instant(start, calendar.zone());
            Instant deadline = calendar.deadline(from, parsed, timeMode);
            return new DeadlineAnswer(name, from.atZone(calendar.zone()).format(OFFSET), parsed.toString(),
                    timeMode.name().toLowerCase(Locale.ROOT), deadline.atZone(calendar.zone()).format(OFFSET),
                    deadline.toString(), calendar.workingTimeBetween(from, deadline).toString(),
                    Duration.between(from, deadline).toString());
        });
    }

    private Uni<Boolean> known(String name) {
        return calendars.exists(name).invoke(exists -> {
            if (!exists) {
                throw ProblemException.notFound("calendar " + name);
            }
        });
    }

    static TimeMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return TimeMode.WORKING;
        }
        try {
            return TimeMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("mode", "must be working or clock");
        }
    }

    /** An ISO-8601 instant or offset date-time; a local date-time or date is read in the calendar's zone. */
    static Instant instant(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("start", "is required (ISO-8601, e.g. 2026-09-30T16:00:00+08:00)");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
                    } catch (DateTimeParseException notDate) {
                        throw ProblemException.badRequest("start", "'" + text + "' is not an ISO-8601 date-time");
                    }
                }
            }
        }
    }

    private static void checkName(String name) {
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ProblemException.badRequest("name", "must be 1-64 of letters, digits, _ and -");
        }
    }

    /** A calendar as stored. */
    public record CalendarView(String name, String zone, List<String> workingHours, List<String> weekdays,
            List<LocalDate> daysOff, List<LocalDate> makeUpWorkingDays) {
    }

    /** The answer of a deadline question; {@code deadline} carries the calendar's offset. */
    public record DeadlineAnswer(String calendar, String start, String duration, String mode, String deadline,
            String deadlineInstant, String workingTime, String elapsed) {
    }
}
