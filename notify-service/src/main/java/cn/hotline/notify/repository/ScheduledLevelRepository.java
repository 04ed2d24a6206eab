package cn.hotline.notify.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.LevelStatus;
import cn.hotline.notify.domain.MessageTransitions;
import cn.hotline.notify.domain.ScheduledLevel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Levels waiting for their due instant; inserted once per trigger key. */
@ApplicationScoped
public class ScheduledLevelRepository implements PanacheRepositoryBase<ScheduledLevel, UUID> {

    /** Inserts unless the trigger key exists (a replayed or duplicated event); true when inserted. */
    public Uni<Boolean> insertOnce(ScheduledLevel s) {
        String sql = "insert into scheduled_level (id, trigger_key, scope, ticket_id, stage, level, level_id, due_at,"
                + " status, context, created_at) values (:id, :key, :scope, :ticket, :stage, :level, :levelId, :due,"
                + " :status, :context, :created) on conflict (trigger_key) do nothing";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql)
                .setParameter("id", s.id).setParameter("key", s.triggerKey).setParameter("scope", s.scope)
                .setParameter("ticket", s.ticketId).setParameter("stage", s.stage).setParameter("level", s.level)
                .setParameter("levelId", s.levelId).setParameter("due", s.dueAt).setParameter("status", s.status.name())
                .setParameter("context", s.context).setParameter("created", s.createdAt)
                .executeUpdate()).map(rows -> rows == 1);
    }

    /** The claimed rows in firing order. */
    public Uni<List<ScheduledLevel>> byIds(List<UUID> ids) {
        return list("id in ?1", Sort.by("dueAt").and("level"), ids);
    }

    /**
     * Ends this claim of {@code ids} with {@code status}, in one statement; nothing for a level whose claim was taken
     * over or that was cancelled meanwhile.
     */
    public Uni<Integer> finishAll(List<UUID> ids, UUID token, LevelStatus status) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update("status = ?1, claimToken = null, claimedUntil = null where id in ?2 and claimToken = ?3 and status in ?4",
                status, ids, token, MessageTransitions.LEVEL.sources(status));
    }

    /** Gives the level back, due again at {@code dueAt}. */
    public Uni<Integer> release(UUID id, UUID token, Instant dueAt) {
        return update("dueAt = ?1, claimToken = null, claimedUntil = null where id = ?2 and claimToken = ?3", dueAt, id, token);
    }

    /** Cancels the waiting levels of {@code stage} ('*' = all) in {@code scope}. */
    public Uni<Integer> cancel(String scope, String stage) {
        return update("status = ?1 where scope = ?2 and (stage = ?3 or ?3 = '*') and status in ?4",
                LevelStatus.CANCELLED, scope, stage, MessageTransitions.LEVEL.sources(LevelStatus.CANCELLED));
    }
}
