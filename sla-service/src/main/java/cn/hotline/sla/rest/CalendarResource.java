package cn.hotline.sla.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.sla.mapping.CalendarView;
import cn.hotline.sla.mapping.DeadlineAnswer;
import cn.hotline.sla.mapping.DeadlineQuestion;
import cn.hotline.sla.service.CalendarService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Working calendars: import a holiday notice (iCalendar), read a calendar, ask for a deadline. */
@Path("/api/v1/calendars/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final CalendarService calendars;

    public CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @POST
    @Path("/ics")
    @Consumes({"text/calendar", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    public Uni<CalendarService.ImportResult> importIcs(@PathParam("name") String name, String body) {
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ProblemException.badRequest("name", "must be 1-64 of letters, digits, _ and -");
        }
        return calendars.importNotice(name, body);
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<CalendarView> get(@PathParam("name") String name) {
        return calendars.view(name);
    }

    @GET
    @Path("/deadline")
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<DeadlineAnswer> deadline(@PathParam("name") String name, @QueryParam("start") String start,
            @QueryParam("duration") String duration, @QueryParam("mode") String mode) {
        return calendars.deadline(name, DeadlineQuestion.parse(start, duration, mode));
    }
}
