package cn.hotline.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.hotline.console.client.RoutingClient;
import cn.hotline.console.service.Viewer;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Site photos for the ticket page, fetched from routing with the viewer's own token (routing decides who may see). */
@Path("/photos")
@Authenticated
public class PhotoResource {

    private final Viewer viewer;
    private final RoutingClient routing;

    public PhotoResource(Viewer viewer, @RestClient RoutingClient routing) {
        this.viewer = viewer;
        this.routing = routing;
    }

    @GET
    @Path("/{id}")
    public Uni<Response> photo(@PathParam("id") String id) {
        if (!id.matches("^[0-9a-f-]{36}$")) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        return routing.photo(viewer.bearer(), id).map(upstream -> {
            byte[] bytes = upstream.readEntity(byte[].class);
            return Response.ok(bytes, upstream.getMediaType()).header("Cache-Control", "private, max-age=3600").build();
        }).onFailure().recoverWithItem(Response.status(404).build());
    }
}
