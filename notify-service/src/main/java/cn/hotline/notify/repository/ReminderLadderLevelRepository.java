package cn.hotline.notify.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.ReminderLadderLevel;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Reminder-ladder levels (table escalation_level: the schema keeps its name). */
@ApplicationScoped
public class ReminderLadderLevelRepository implements PanacheRepositoryBase<ReminderLadderLevel, Long> {

    /** The levels of {@code ids} that still exist, by id. */
    public Uni<Map<Long, ReminderLadderLevel>> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("id in ?1", ids).map(found -> found.stream().collect(Collectors.toMap(l -> l.id, Function.identity())));
    }

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
