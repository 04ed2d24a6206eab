package cn.hotline.sla.repository;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.DispatchFact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** KPI facts per dispatch. */
@ApplicationScoped
public class DispatchFactRepository implements PanacheRepositoryBase<DispatchFact, String> {
}
