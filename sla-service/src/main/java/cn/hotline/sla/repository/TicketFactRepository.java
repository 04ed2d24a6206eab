package cn.hotline.sla.repository;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.TicketFact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** KPI and policy-selection facts per ticket. */
@ApplicationScoped
public class TicketFactRepository implements PanacheRepositoryBase<TicketFact, String> {
}
