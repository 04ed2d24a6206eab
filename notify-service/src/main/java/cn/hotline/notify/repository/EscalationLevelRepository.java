package cn.hotline.notify.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.EscalationLevel;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Escalation chain levels. */
@ApplicationScoped
public class EscalationLevelRepository implements PanacheRepositoryBase<EscalationLevel, Long> {

    public Uni<List<EscalationLevel>> chain(String policyCode, String stage) {
        return list("policyCode = ?1 and stage = ?2", Sort.by("level"), policyCode, stage);
    }

    public Uni<List<EscalationLevel>> all() {
        return listAll(Sort.by("policyCode").and("stage").and("level"));
    }

    public Uni<Long> deleteChain(String policyCode, String stage) {
        return delete("policyCode = ?1 and stage = ?2", policyCode, stage);
    }
}
