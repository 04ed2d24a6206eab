package cn.hotline.console.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import cn.hotline.console.service.Viewer;
import io.quarkus.security.Authenticated;

/** The front door: each person lands where their work is (operators on the form, commanders on the board). */
@Path("/")
public class HomeResource {

    private final Viewer viewer;

    public HomeResource(Viewer viewer) {
        this.viewer = viewer;
    }

    @GET
    @Authenticated
    public Response home() {
        return Response.seeOther(URI.create(viewer.home())).build();
    }

    @GET
    @Path("/favicon.ico")
    @PermitAll
    public Response favicon() {
        return Response.noContent().build();
    }
}
