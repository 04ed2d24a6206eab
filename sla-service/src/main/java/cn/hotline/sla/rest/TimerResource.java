package cn.hotline.sla.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.sla.mapping.TimerView;
import cn.hotline.sla.service.TimerBoardService;
import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Every running or paused stage timer at once, for the commander's board (deadlines and warning instants). */
@Path("/api/v1/timers")
@Produces(MediaType.APPLICATION_JSON)
public class TimerResource {

    private final TimerBoardService board;

    public TimerResource(TimerBoardService board) {
        this.board = board;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<TimerView>> active(@QueryParam("limit") @DefaultValue("10000") int limit,
            @QueryParam("county") String county, @QueryParam("town") String town, @QueryParam("urgency") String urgency) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (limit < 1 || limit > 20000) {
            errors.add(new Problem.FieldError("limit", "must be between 1 and 20000"));
        }
        if (county != null && !county.isBlank() && !county.strip().matches("\\d{6}")) {
            errors.add(new Problem.FieldError("county", "must be a 6-digit county code"));
        }
        if (town != null && !town.isBlank() && !town.strip().matches("\\d{9}")) {
            errors.add(new Problem.FieldError("town", "must be a 9-digit town code"));
        }
        if (urgency != null && !urgency.isBlank() && !List.of("NORMAL", "URGENT").contains(urgency.strip())) {
            errors.add(new Problem.FieldError("urgency", "must be NORMAL or URGENT"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return board.active(limit, blankToNull(county), blankToNull(town), blankToNull(urgency));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
