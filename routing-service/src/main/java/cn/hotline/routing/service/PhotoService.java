package cn.hotline.routing.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.routing.domain.DispatchPhoto;
import cn.hotline.routing.mapping.PhotoInfo;
import cn.hotline.routing.repository.DispatchRepository;
import cn.hotline.routing.repository.PhotoRepository;
import cn.hotline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Photos from site: JPEG or PNG by their first bytes (never by the name or the declared type), size- and
 * side-limited; read back only by those who may see their dispatch.
 */
@ApplicationScoped
public class PhotoService {

    private final PhotoRepository photos;
    private final DispatchRepository dispatches;
    private final DispatchScope scope;
    private final RoutingConfig config;
    private final Clock clock;

    public PhotoService(PhotoRepository photos, DispatchRepository dispatches, DispatchScope scope, RoutingConfig config,
            Clock clock) {
        this.photos = photos;
        this.dispatches = dispatches;
        this.scope = scope;
        this.config = config;
        this.clock = clock;
    }

    /** A ticket's photos (without bytes) of the dispatches the caller may see, oldest first. */
    public Uni<List<PhotoInfo>> ofTicket(Actor actor, String ticketId) {
        return Panache.withSession(() -> dispatches.findByTicket(ticketId).flatMap(seen -> photos.metadataByTicket(ticketId)
                .map(rows -> rows.stream().filter(r -> seen.stream().anyMatch(d -> d.id.equals(r[1]) && scope.sees(actor, d)))
                        .map(PhotoInfo::of).toList())));
    }

    /** One photo with its bytes; a photo of a dispatch the caller may not see is answered as a missing one. */
    public Uni<DispatchPhoto> photo(Actor actor, UUID photoId) {
        return Panache.withSession(() -> photos.findById(photoId).flatMap(p -> p == null ? Uni.createFrom().nullItem()
                : dispatches.findById(p.dispatchId).map(d -> d != null && scope.sees(actor, d) ? p : null)))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("photo " + photoId));
    }

    public Uni<DispatchPhoto> store(FieldLinks.Holder holder, byte[] bytes) {
        long max = config.fieldLinks().maxPhoto().asLongValue();
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest("photo", "is empty");
        }
        if (bytes.length > max) {
            throw ProblemException.badRequest("photo", "is " + bytes.length + " bytes; at most " + max);
        }
        String type = contentType(bytes);
        if (type == null) {
            throw ProblemException.badRequest("photo", "must be a JPEG or PNG image");
        }
        int[] size = dimensions(bytes);
        int side = config.fieldLinks().maxPhotoSide();
        if (size[0] > side || size[1] > side) {
            throw ProblemException.badRequest("photo", "is " + size[0] + "×" + size[1] + " px; at most " + side + " px a side");
        }
        if (!holder.dispatch().state().open()) {
            throw ProblemException.conflict("dispatch " + holder.dispatch().id + " is " + holder.dispatch().state()
                    + ": no more photos", java.util.Map.of("currentState", holder.dispatch().state().name()));
        }
        DispatchPhoto photo = new DispatchPhoto();
        photo.id = UUID.randomUUID();
        photo.dispatchId = holder.dispatch().id;
        photo.ticketId = holder.dispatch().ticketId;
        photo.personId = holder.link().personId;
        photo.unitCode = holder.link().unitCode;
        photo.contentType = type;
        photo.width = size[0];
        photo.height = size[1];
        photo.sizeBytes = bytes.length;
        photo.bytes = bytes;
        photo.createdAt = clock.instant();
        return Panache.withTransaction(() -> photos.countByDispatch(photo.dispatchId).flatMap(n -> {
            if (n >= config.fieldLinks().maxPhotosPerDispatch()) {
                throw ProblemException.badRequest("photo", "this dispatch already has " + n + " photos");
            }
            return photos.persist(photo);
        }));
    }

    static String contentType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length > png.length) {
            for (int i = 0; i < png.length; i++) {
                if (b[i] != png[i]) {
                    return null;
                }
            }
            return "image/png";
        }
        return null;
    }

    /** Width and height from the image's header; an image no reader can read is refused. */
    static int[] dimensions(byte[] bytes) {
        try (ImageInputStream in = new javax.imageio.stream.MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw ProblemException.badRequest("photo", "is not a readable image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest("photo", "is not a readable image");
        }
    }
}
