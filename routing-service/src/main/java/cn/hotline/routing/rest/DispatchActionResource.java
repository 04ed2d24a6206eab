package cn.hotline.routing.rest;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.domain.DispatchAction;
import cn.hotline.routing.mapping.ActionRequest;
import cn.hotline.routing.mapping.DispatchMapper;
import cn.hotline.routing.mapping.DispatchView;
import cn.hotline.routing.mapping.ReplySignRequest;
import cn.hotline.routing.service.DispatchWorkflow;
import cn.hotline.routing.service.ReplySigning;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/v1/dispatches/{id}/<action>}: every unit and desk action; the state machine's table
 * decides who may do what when.
 */
@Path("/api/v1/dispatches/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR})
public class DispatchActionResource {

    private final DispatchWorkflow workflow;
    private final ReplySigning replies;
    private final CurrentActor actor;

    public DispatchActionResource(DispatchWorkflow workflow, ReplySigning replies, CurrentActor actor) {
        this.workflow = workflow;
        this.replies = replies;
        this.actor = actor;
    }

    @POST
    @Path("/assign")
    public Uni<DispatchView> assign(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.ASSIGN, body);
    }

    @POST
    @Path("/sign")
    public Uni<DispatchView> sign(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.SIGN, body);
    }

    /** A sign relayed by notify-service (role service) for the handler who replied to the dispatch SMS. */
    @POST
    @Path("/sign-by-reply")
    @RolesAllowed(Roles.SERVICE)
    public Uni<DispatchView> signByReply(@PathParam("id") UUID id, @Valid @NotNull ReplySignRequest body) {
        return replies.sign(id, body.personId().strip(), body.note(), actor.get()).map(DispatchMapper::toView);
    }

    @POST
    @Path("/return")
    public Uni<DispatchView> returnDispatch(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.RETURN, body);
    }

    @POST
    @Path("/return-review")
    public Uni<DispatchView> returnReview(@PathParam("id") UUID id, @Valid ActionRequest body) {
        String decision = body == null || body.decision() == null ? "" : body.decision().toUpperCase(Locale.ROOT);
        return switch (decision) {
            case "ACCEPT" -> run(id, DispatchAction.ACCEPT_RETURN, body);
            case "REJECT" -> run(id, DispatchAction.REJECT_RETURN, body);
            default -> Uni.createFrom().failure(ProblemException.badRequest("decision", "must be ACCEPT or REJECT"));
        };
    }

    @POST
    @Path("/arrive")
    public Uni<DispatchView> arrive(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.ARRIVE, body);
    }

    @POST
    @Path("/handle")
    public Uni<DispatchView> handle(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.HANDLE, body);
    }

    @POST
    @Path("/assist-sign")
    public Uni<DispatchView> assistSign(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.ASSIST_SIGN, body);
    }

    @POST
    @Path("/assist-report")
    public Uni<DispatchView> assistReport(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.ASSIST_REPORT, body);
    }

    @POST
    @Path("/release-assist")
    public Uni<DispatchView> releaseAssist(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.RELEASE_ASSIST, body);
    }

    @POST
    @Path("/complete")
    public Uni<DispatchView> complete(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.COMPLETE, body);
    }

    @POST
    @Path("/request-extension")
    public Uni<DispatchView> requestExtension(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.REQUEST_EXTENSION, body);
    }

    @POST
    @Path("/extension-decision")
    public Uni<DispatchView> extensionDecision(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.EXTENSION_DECISION, body);
    }

    @POST
    @Path("/escalate")
    public Uni<DispatchView> escalate(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.ESCALATE, body);
    }

    @POST
    @Path("/assign-leader")
    public Uni<DispatchView> assignLeader(@PathParam("id") UUID id, @Valid ActionRequest body) {
        return run(id, DispatchAction.ASSIGN_LEADER, body);
    }

    private Uni<DispatchView> run(UUID id, DispatchAction action, ActionRequest body) {
        return workflow.perform(id, action, actor.get(), body).map(DispatchMapper::toView);
    }
}
