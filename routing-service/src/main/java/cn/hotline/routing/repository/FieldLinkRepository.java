package cn.hotline.routing.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.FieldLink;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Field staff's capability links, found by the hash of their token. */
@ApplicationScoped
public class FieldLinkRepository implements PanacheRepositoryBase<FieldLink, UUID> {

    public Uni<FieldLink> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }
}
