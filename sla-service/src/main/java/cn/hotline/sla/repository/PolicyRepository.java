package cn.hotline.sla.repository;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.PolicyEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Stored policys. */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<PolicyEntity, String> {
}
