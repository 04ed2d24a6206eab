package cn.hotline.sla.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hotline.sla.domain.WorkingCalendar;
import cn.hotline.sla.mapping.IsoDateTimes;
import cn.hotline.sla.service.KpiService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import cn.hotline.support.security.Territory;
import io.smallrye.mutiny.Uni;

/**
 * KPIs per unit, town or county over {@code [from, to)} (default: this month so far, Asia/Shanghai); a desk kept to a
 * territory sees only the KPIs of what happened there.
 */
@Path("/api/v1/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private final KpiService kpis;
    private final Clock clock;
    private final JsonWebToken caller;

    public KpiResource(KpiService kpis, Clock clock, JsonWebToken caller) {
        this.kpis = kpis;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<KpiService.KpiReport> get(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("period") String period) {
        KpiService.GroupBy group;
        try {
            group = KpiService.GroupBy.valueOf((groupBy == null ? "unit" : groupBy).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("groupBy", "must be unit, town, county or city");
        }
        ZoneId zone = WorkingCalendar.DEFAULT_ZONE;
        Instant start = from == null || from.isBlank()
                ? LocalDate.now(clock.withZone(zone)).withDayOfMonth(1).atStartOfDay(zone).toInstant()
                : param("from", from, zone);
        Instant end = to == null || to.isBlank() ? clock.instant() : param("to", to, zone);
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        KpiService.Period split = null;
        if (period != null && !period.isBlank()) {
            try {
                split = KpiService.Period.valueOf(period.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("period", "must be day, week or month");
            }
        }
        return kpis.compute(group, split, start, end, Territory.of(caller));
    }

    private static Instant param(String field, String text, ZoneId zone) {
        return IsoDateTimes.parse(text, zone).orElseThrow(() -> ProblemException.badRequest(field,
                "'" + text + "' is not an ISO-8601 date or date-time"));
    }
}
