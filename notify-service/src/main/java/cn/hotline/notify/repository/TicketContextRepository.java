package cn.hotline.notify.repository;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.TicketContext;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Per-ticket dispatch context. */
@ApplicationScoped
public class TicketContextRepository implements PanacheRepositoryBase<TicketContext, String> {

    /** The contexts of {@code ticketIds} that exist, by ticket id. */
    public Uni<Map<String, TicketContext>> byIds(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("ticketId in ?1", ticketIds)
                .map(found -> found.stream().collect(Collectors.toMap(t -> t.ticketId, Function.identity())));
    }
}
