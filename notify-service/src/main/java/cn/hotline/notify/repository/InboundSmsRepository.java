package cn.hotline.notify.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.InboundSms;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Mobile-originated messages waiting to be processed. */
@ApplicationScoped
public class InboundSmsRepository implements PanacheRepositoryBase<InboundSms, UUID> {

    /** The claimed texts, oldest first. */
    public Uni<List<InboundSms>> byIds(List<UUID> ids) {
        return list("id in ?1", Sort.by("receivedAt"), ids);
    }
}
