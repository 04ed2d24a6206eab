package cn.hotline.routing.rest;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.routing.domain.DispatchAction;
import cn.hotline.routing.mapping.ActionRequest;
import cn.hotline.routing.mapping.DispatchMapper;
import cn.hotline.routing.mapping.FieldView;
import cn.hotline.routing.service.DispatchWorkflow;
import cn.hotline.routing.service.FieldLinks;
import cn.hotline.routing.service.PhotoService;
import cn.hotline.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The field staff's side, reached through a capability link instead of a password: the link's token names one
 * dispatch and one person, and every action is taken as that person (the dispatch's history says who).
 */
@Path("/api/v1/field/{token}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class FieldResource {

    private static final Map<String, DispatchAction> ACTIONS = Map.of(
            "sign", DispatchAction.SIGN, "arrive", DispatchAction.ARRIVE, "handle", DispatchAction.HANDLE,
            "complete", DispatchAction.COMPLETE, "return", DispatchAction.RETURN,
            "request-extension", DispatchAction.REQUEST_EXTENSION, "assist-report", DispatchAction.ASSIST_REPORT);

    private final FieldLinks links;
    private final DispatchWorkflow workflow;
    private final PhotoService photos;

    public FieldResource(FieldLinks links, DispatchWorkflow workflow, PhotoService photos) {
        this.links = links;
        this.workflow = workflow;
        this.photos = photos;
    }

    @GET
    public Uni<FieldView> get(@PathParam("token") String token) {
        return links.resolve(token).map(h -> new FieldView(DispatchMapper.toView(h.dispatch()), h.link().personId,
                h.link().unitCode, h.link().part, h.link().expiresAt));
    }

    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<FieldView> act(@PathParam("token") String token, @PathParam("action") String action, @Valid ActionRequest body) {
        DispatchAction what = ACTIONS.get(action);
        if (what == null) {
            throw ProblemException.notFound("action " + action);
        }
        return links.resolve(token).flatMap(h -> workflow.perform(h.dispatch().id, what, h.actor(), body)
                .call(d -> links.used(h.link()))
                .map(d -> new FieldView(DispatchMapper.toView(d), h.link().personId, h.link().unitCode, h.link().part,
                        h.link().expiresAt)));
    }

    /** One photo as the request body (JPEG or PNG, checked by content). */
    @POST
    @Path("/photos")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    public Uni<Map<String, Object>> photo(@PathParam("token") String token, byte[] bytes) {
        return links.resolve(token).flatMap(h -> photos.store(h, bytes).call(p -> links.used(h.link()))
                .map(p -> Map.<String, Object>of("id", p.id.toString(), "width", p.width, "height", p.height,
                        "sizeBytes", p.sizeBytes, "contentType", p.contentType)));
    }
}
