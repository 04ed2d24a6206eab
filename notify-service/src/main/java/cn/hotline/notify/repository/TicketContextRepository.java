package cn.hotline.notify.repository;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.TicketContext;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Per-ticket dispatch context. */
@ApplicationScoped
public class TicketContextRepository implements PanacheRepositoryBase<TicketContext, String> {
}
