package cn.hotline.routing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.Queue;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Dispatches, by ticket and by queue. */
@ApplicationScoped
public class DispatchRepository implements PanacheRepositoryBase<Dispatch, UUID> {

    private static final List<DispatchState> CLOSED =
            List.of(DispatchState.COMPLETED, DispatchState.REASSIGNED, DispatchState.CANCELLED);

    public Uni<List<Dispatch>> findByTicket(String ticketId) {
        return list("ticketId", Sort.by("createdAt").and("seq"), ticketId);
    }

    public Uni<Dispatch> findOpenByTicket(String ticketId) {
        return find("ticketId = ?1 and state not in ?2", ticketId, CLOSED).firstResult();
    }

    public Uni<List<Dispatch>> findOpenInQueue(Queue queue) {
        return list("queue = ?1 and state not in ?2", Sort.by("createdAt").and("seq"), queue, CLOSED);
    }
}
