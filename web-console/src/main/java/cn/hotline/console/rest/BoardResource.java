package cn.hotline.console.rest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.hotline.console.client.RoutingClient;
import cn.hotline.console.client.ServiceProblem;
import cn.hotline.console.config.ConsoleConfig;
import cn.hotline.console.mapping.Views.Dispatch;
import cn.hotline.console.mapping.Views.UnitChoice;
import cn.hotline.console.messaging.LiveFeed;
import cn.hotline.console.service.BoardService;
import cn.hotline.console.service.CommandDesk;
import cn.hotline.console.service.RegionNames;
import cn.hotline.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** 派单/督办: every open dispatch in scope, live; the MANUAL queue, return reviews, extensions, escalation. */
@Path("/board")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.DISPATCHER, Viewer.SUPERVISOR, Viewer.ADMIN})
public class BoardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Viewer viewer, BoardService.Board board, BoardFilterParams filter,
                RegionNames regions, long refetchMillis);

        static native TemplateInstance rows(BoardService.Board board, BoardFilterParams filter);

        static native TemplateInstance choices(Dispatch dispatch, List<UnitChoice> units, String action);

        static native TemplateInstance done(Dispatch dispatch, ServiceProblem problem);
    }

    private final Viewer viewer;
    private final BoardService board;
    private final CommandDesk desk;
    private final RoutingClient routing;
    private final LiveFeed feed;
    private final RegionNames regions;
    private final ConsoleConfig config;

    public BoardResource(Viewer viewer, BoardService board, CommandDesk desk, @RestClient RoutingClient routing, LiveFeed feed,
            RegionNames regions, ConsoleConfig config) {
        this.viewer = viewer;
        this.board = board;
        this.desk = desk;
        this.routing = routing;
        this.feed = feed;
        this.regions = regions;
        this.config = config;
    }

    @GET
    public Uni<TemplateInstance> page(@BeanParam BoardFilterParams filter) {
        return board.board(viewer.bearer(), filter.toFilter())
                .map(b -> Templates.page(viewer, b, filter, regions, config.boardRefetch().toMillis()));
    }

    @GET
    @Path("/rows")
    public Uni<TemplateInstance> rows(@BeanParam BoardFilterParams filter) {
        return board.board(viewer.bearer(), filter.toFilter()).map(b -> Templates.rows(b, filter));
    }

    /** The units to offer for assigning or re-dispatching one dispatch. */
    @GET
    @Path("/dispatches/{id}/choices")
    public Uni<TemplateInstance> choices(@PathParam("id") String id) {
        String bearer = viewer.bearer();
        return routing.dispatch(bearer, id).flatMap(d -> desk.choices(bearer, d).map(units -> Templates.choices(d, units,
                "RETURNED".equals(d.state()) ? "return-review" : "assign")));
    }

    /** Any commander action; the board then refreshes itself (HX-Trigger). */
    @POST
    @Path("/dispatches/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> act(@PathParam("id") String id, @PathParam("action") String action,
            MultivaluedMap<String, String> form) {
        Map<String, String> fields = new HashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        return desk.act(viewer.bearer(), id, action, fields)
                .map(d -> Response.ok(Templates.done(d, null)).header("HX-Trigger", "board-refresh").build())
                .onFailure(ServiceProblem.class)
                .recoverWithItem(p -> Response.ok(Templates.done(null, (ServiceProblem) p)).build());
    }

    /**
     * Change notices for this browser: a ticket id and an event type per change (the page then re-fetches its rows);
     * {@code retry:} tells the browser how soon to reconnect, a comment every 15 s keeps the connection open.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Viewer.DISPATCHER, Viewer.SUPERVISOR, Viewer.ADMIN, Viewer.HANDLER, Viewer.OPERATOR})
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        long retry = config.streamRetry().toMillis();
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(sse.newEventBuilder().name("hello").data("{}")
                .reconnectDelay(retry).build());
        Multi<OutboundSseEvent> changes = feed.changes().map(c -> sse.newEventBuilder().name("change")
                .id(c.type() + ":" + c.ticketId() + ":" + c.at())
                .data("{\"type\":\"" + c.type() + "\",\"ticketId\":\"" + c.ticketId() + "\"}").reconnectDelay(retry).build());
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(n -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(hello, changes, heartbeat);
    }
}
