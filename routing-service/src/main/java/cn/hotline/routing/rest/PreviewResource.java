package cn.hotline.routing.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.mapping.DecisionView;
import cn.hotline.routing.mapping.DispatchMapper;
import cn.hotline.routing.mapping.PreviewRequest;
import cn.hotline.routing.service.DispatchService;
import cn.hotline.routing.service.RoutingIndex;
import cn.hotline.routing.service.TerritoryQuery;
import cn.hotline.routing.service.TicketFacts;
import cn.hotline.support.problem.Problem.FieldError;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** {@code POST /api/v1/routing/preview}: the decision for a hypothetical ticket; nothing is stored or sent. */
@Path("/api/v1/routing/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewResource {

    private final DispatchService dispatches;
    private final RoutingIndex index;
    private final Clock clock;

    public PreviewResource(DispatchService dispatches, RoutingIndex index, Clock clock) {
        this.dispatches = dispatches;
        this.index = index;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<DecisionView> preview(@NotNull @Valid PreviewRequest request) {
        PreviewRequest.Territory t = request.territory();
        List<FieldError> errors = new ArrayList<>();
        if (t != null) {
            check("territory.countyCode", t.countyCode(), errors);
            check("territory.townCode", t.townCode(), errors);
            check("territory.villageCode", t.villageCode(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PreviewRequest.Location l = request.location();
        TerritoryQuery place = new TerritoryQuery(t == null ? null : t.countyCode(), t == null ? null : t.townCode(),
                t == null ? null : t.villageCode(), t == null ? null : "EXPLICIT", l == null ? null : l.lat(),
                l == null ? null : l.lon(), l == null ? null : l.address());
        TicketFacts ticket = new TicketFacts(request.ticketId(), null, request.channel(),
                request.kind() == null ? null : request.kind().name(),
                request.urgency() == null ? null : request.urgency().name(), request.categoryCode(), place);
        Instant at = request.at() == null ? clock.instant() : request.at().toInstant();
        return dispatches.previewWithHandler(ticket, at)
                .map(decision -> DispatchMapper.toView(decision, request.ticketId()));
    }

    private void check(String field, String code, List<FieldError> errors) {
        if (code != null && index.organisation().territory(code).isEmpty()) {
            errors.add(new FieldError(field, "unknown territory " + code));
        }
    }
}
