package cn.hotline.routing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.DispatchPhoto;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Photos of dispatches; listings carry no bytes (see {@link #findById}). */
@ApplicationScoped
public class PhotoRepository implements PanacheRepositoryBase<DispatchPhoto, UUID> {

    /** id, dispatch, ticket, person, unit, type, size, time of a ticket's photos, oldest first. */
    public Uni<List<Object[]>> metadataByTicket(String ticketId) {
        return getSession().flatMap(s -> s.createSelectionQuery(
                        "select p.id, p.dispatchId, p.personId, p.unitCode, p.contentType, p.width, p.height, p.sizeBytes,"
                                + " p.createdAt from DispatchPhoto p where p.ticketId = :ticket order by p.createdAt",
                        Object[].class)
                .setParameter("ticket", ticketId).getResultList());
    }

    public Uni<Long> countByDispatch(UUID dispatchId) {
        return count("dispatchId", dispatchId);
    }
}
