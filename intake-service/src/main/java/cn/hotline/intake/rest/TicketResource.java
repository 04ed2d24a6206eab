package cn.hotline.intake.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.hotline.intake.mapping.CreateTicketRequest;
import cn.hotline.intake.mapping.TicketMapper;
import cn.hotline.intake.mapping.TicketPage;
import cn.hotline.intake.mapping.TicketPreview;
import cn.hotline.intake.mapping.TicketStats;
import cn.hotline.intake.mapping.TicketStatusView;
import cn.hotline.intake.mapping.TicketView;
import cn.hotline.intake.repository.PiiReadRepository;
import cn.hotline.intake.repository.TicketTrailRepository;
import cn.hotline.intake.service.TicketDraft;
import cn.hotline.intake.service.TicketPreviewService;
import cn.hotline.intake.service.TicketQueryService;
import cn.hotline.intake.service.TicketRegistration;
import cn.hotline.intake.service.TicketStatsService;
import cn.hotline.intake.service.TicketValidator;
import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Tickets: create (idempotent), read one, list with filters, and the staff's lookup by number. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final TicketRegistration registration;
    private final TicketPreviewService previews;
    private final TicketQueryService queries;
    private final TicketStatsService stats;
    private final TicketMapper mapper;
    private final SecurityIdentity identity;

    public TicketResource(TicketRegistration registration, TicketPreviewService previews, TicketQueryService queries,
            TicketStatsService stats, TicketMapper mapper, SecurityIdentity identity) {
        this.registration = registration;
        this.previews = previews;
        this.queries = queries;
        this.stats = stats;
        this.mapper = mapper;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<Response> create(@HeaderParam("Idempotency-Key") String key, @Valid @NotNull CreateTicketRequest request) {
        TicketValidator.requireIdempotencyKey(key);
        String hash = sha256(mapper.write(request));
        return registration.create(key, hash, TicketDraft.of(request, identity.getPrincipal().getName()))
                .map(created -> Response.created(URI.create("/api/v1/tickets/" + created.id()))
                        .type(MediaType.APPLICATION_JSON).entity(created.json()).build());
    }

    /** What a create with this body would do (placing, flags, duplicates), with the same validation; nothing is stored. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<TicketPreview> preview(@Valid @NotNull CreateTicketRequest request) {
        return previews.preview(TicketDraft.of(request, identity.getPrincipal().getName()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<TicketView> get(@PathParam("id") UUID id) {
        return queries.get(id, Reader.of(identity));
    }

    /** Volumes of [from, to) (ISO instants; default: the current month so far) for the cockpit and reports. */
    @GET
    @Path("/stats")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<TicketStats> stats(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        // Parsed the way every ticket filter parses instants; both fields are checked before answering.
        Instant start = TicketFilter.parseInstant("from", from, errors);
        Instant end = TicketFilter.parseInstant("to", to, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return stats.stats(start, end, Reader.of(identity).territory());
    }

    /** The intake trail of a ticket (merge, 110 linkage, follow-up, status), for whoever may read the ticket. */
    @GET
    @Path("/{id}/trail")
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<TicketTrailRepository.Entry>> trail(@PathParam("id") UUID id) {
        return queries.trail(id, Reader.of(identity));
    }

    /** Who was shown this ticket's full phone or ID number (留痕), newest first; the ticket's own territory scope applies. */
    @GET
    @Path("/{id}/pii-reads")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<PiiReadRepository.Entry>> piiReads(@PathParam("id") UUID id) {
        return queries.piiReads(id, Reader.of(identity));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<TicketPage> list(@BeanParam TicketFilter filter) {
        return queries.list(filter.toQuery(), Reader.of(identity));
    }

    /**
     * Progress by number for staff (an operator answering a caller): any signed-in role, minimal data. Citizens look
     * their ticket up with the token of their SMS link ({@code GET /api/v1/progress/{token}}), never by number.
     */
    @GET
    @Path("/by-number/{number}")
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<TicketStatusView> byNumber(@PathParam("number") String number) {
        return queries.byNumber(number);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
