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

import cn.hotline.routing.repository.DispatchRepository;
import cn.hotline.routing.repository.PhotoRepository;
import cn.hotline.routing.service.Actor;
import cn.hotline.routing.service.DispatchScope;
import cn.hotline.routing.service.FieldLinks;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Revoking field staff's links, and reading site photos. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FieldLinkResource {

    /** A photo without its bytes. */
    public record PhotoInfo(String id, String dispatchId, String personId, String unitCode, String contentType, int width,
            int height, int sizeBytes, java.time.Instant createdAt) {
    }

    private final FieldLinks links;
    private final PhotoRepository photos;
    private final DispatchRepository dispatches;
    private final CurrentActor currentActor;
    private final DispatchScope scope;

    public FieldLinkResource(FieldLinks links, PhotoRepository photos, DispatchRepository dispatches, CurrentActor currentActor,
            DispatchScope scope) {
        this.links = links;
        this.photos = photos;
        this.dispatches = dispatches;
        this.currentActor = currentActor;
        this.scope = scope;
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
        Actor actor = currentActor.get();
        return Panache.withSession(() -> dispatches.findByTicket(ticketId).flatMap(seen -> photos.metadataByTicket(ticketId)
                .map(rows -> rows.stream().filter(r -> seen.stream().anyMatch(d -> d.id.equals(r[1]) && scope.sees(actor, d))).toList())))
                .map(rows -> rows.stream()
                .map(r -> new PhotoInfo(r[0].toString(), r[1].toString(), (String) r[2], (String) r[3], (String) r[4],
                        (Integer) r[5], (Integer) r[6], (Integer) r[7], (java.time.Instant) r[8])).toList());
    }

    @GET
    @Path("/photos/{photoId}")
    @Produces({"image/jpeg", "image/png"})
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<Response> photo(@PathParam("photoId") UUID photoId) {
        Actor actor = currentActor.get();
        // A photo of a dispatch the caller may not see is answered as a missing one.
        return Panache.withSession(() -> photos.findById(photoId).flatMap(p -> p == null ? Uni.createFrom().nullItem()
                : dispatches.findById(p.dispatchId).map(d -> d != null && scope.sees(actor, d) ? p : null))).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("photo " + photoId);
            }
            return Response.ok(p.bytes, p.contentType).header("Cache-Control", "private, max-age=3600").build();
        });
    }
}
