package cn.hotline.routing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.DispatchActionLog;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The action history of dispatches. */
@ApplicationScoped
public class DispatchActionRepository implements PanacheRepositoryBase<DispatchActionLog, UUID> {

    public Uni<List<DispatchActionLog>> findByDispatch(UUID dispatchId) {
        return list("dispatchId", Sort.by("at").and("seq"), dispatchId);
    }
}
