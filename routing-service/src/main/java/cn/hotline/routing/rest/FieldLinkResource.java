package cn.hotline.routing.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.hotline.routing.mapping.PhotoInfo;
import cn.hotline.routing.service.FieldLinks;
import cn.hotline.routing.service.PhotoService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Revoking field staff's links, and reading site photos. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FieldLinkResource {

    private final FieldLinks links;
    private final PhotoService photos;
    private final CurrentActor currentActor;

    public FieldLinkResource(FieldLinks links, PhotoService photos, CurrentActor currentActor) {
        this.links = links;
        this.photos = photos;
        this.currentActor = currentActor;
    }

    @DELETE
    @Path("/field-links/{linkId}")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<Response> revoke(@PathParam("linkId") UUID linkId) {
        return links.revoke(linkId, currentActor.get()).map(done -> {
            if (!done) {
                throw ProblemException.notFound("active link " + linkId);
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/tickets/{ticketId}/photos")
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<List<PhotoInfo>> ticketPhotos(@PathParam("ticketId") String ticketId) {
        return photos.ofTicket(currentActor.get(), ticketId);
    }

    @GET
    @Path("/photos/{photoId}")
    @Produces({"image/jpeg", "image/png"})
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<Response> photo(@PathParam("photoId") UUID photoId) {
        return photos.photo(currentActor.get(), photoId).map(p -> Response.ok(p.bytes, p.contentType)
                .header("Cache-Control", "private, max-age=3600").build());
    }
}
