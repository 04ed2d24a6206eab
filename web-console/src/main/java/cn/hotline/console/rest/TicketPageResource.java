package cn.hotline.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.console.service.RegionNames;
import cn.hotline.console.service.TicketStory;
import cn.hotline.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** A ticket's page: what the services let this person see of it, all on one screen. */
@Path("/tickets")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TicketPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Viewer viewer, TicketStory.Story story, RegionNames regions);
    }

    private final Viewer viewer;
    private final TicketStory stories;
    private final RegionNames regions;

    public TicketPageResource(Viewer viewer, TicketStory stories, RegionNames regions) {
        this.viewer = viewer;
        this.stories = stories;
        this.regions = regions;
    }

    @GET
    @Path("/{id}")
    public Uni<TemplateInstance> page(@PathParam("id") String id) {
        if (!id.matches("^[0-9a-fA-F-]{36}$")) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return stories.of(viewer.bearer(), id).map(story -> Templates.page(viewer, story, regions));
    }
}
