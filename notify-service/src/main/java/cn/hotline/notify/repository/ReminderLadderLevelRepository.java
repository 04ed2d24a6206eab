package cn.hotline.notify.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.ReminderLadderLevel;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Reminder-ladder levels (table escalation_level: the schema keeps its name). */
@ApplicationScoped
public class ReminderLadderLevelRepository implements PanacheRepositoryBase<ReminderLadderLevel, Long> {

    public Uni<List<ReminderLadderLevel>> chain(String policyCode, String stage) {
        return list("policyCode = ?1 and stage = ?2", Sort.by("level"), policyCode, stage);
    }

    public Uni<List<ReminderLadderLevel>> all() {
        return listAll(Sort.by("policyCode").and("stage").and("level"));
    }

    public Uni<Long> deleteChain(String policyCode, String stage) {
        return delete("policyCode = ?1 and stage = ?2", policyCode, stage);
    }
}
