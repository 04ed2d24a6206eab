package cn.hotline.console.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.hotline.console.client.RoutingClient;
import cn.hotline.console.mapping.Views.Dispatch;
import cn.hotline.console.service.CategoryNames;
import cn.hotline.console.service.FieldDesk;
import cn.hotline.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** 我的任务: a signed-in field worker's open dispatches of their unit; opening one goes to the same page as the SMS link. */
@Path("/tasks")
@RolesAllowed(Viewer.HANDLER)
public class TasksResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Viewer viewer, List<Dispatch> dispatches, CategoryNames categories);
    }

    private final Viewer viewer;
    private final RoutingClient routing;
    private final FieldDesk desk;
    private final CategoryNames categories;

    public TasksResource(Viewer viewer, @RestClient RoutingClient routing, FieldDesk desk, CategoryNames categories) {
        this.viewer = viewer;
        this.routing = routing;
        this.desk = desk;
        this.categories = categories;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page() {
        String bearer = viewer.bearer();
        return categories.all(bearer).flatMap(c -> routing.open(bearer, null, null, viewer.unitCode(), null, null, 500))
                .map(list -> Templates.page(viewer, list, categories));
    }

    @POST
    @Path("/{dispatchId}/open")
    public Uni<Response> open(@PathParam("dispatchId") String dispatchId) {
        return desk.ownLink(viewer.bearer(), dispatchId, viewer.personId())
                .map(token -> Response.seeOther(URI.create("/m/" + token)).build());
    }
}
