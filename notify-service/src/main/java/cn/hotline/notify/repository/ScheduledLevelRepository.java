package cn.hotline.notify.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.domain.LevelStatus;
import cn.hotline.notify.domain.MessageTransitions;
import cn.hotline.notify.domain.ScheduledLevel;
import cn.hotline.support.repository.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Levels waiting for their due instant; inserted once per trigger key. */
@ApplicationScoped
public class ScheduledLevelRepository implements PanacheRepositoryBase<ScheduledLevel, UUID> {

    // One statement text for any number of levels (arrays and unnest), so PostgreSQL reuses the prepared statement.
    private static final String INSERT_ALL = "insert into scheduled_level (id, trigger_key, scope, ticket_id, stage, level,"
            + " level_id, due_at, status, context, created_at) select * from unnest($1::uuid[], $2::varchar[],"
            + " $3::varchar[], $4::varchar[], $5::varchar[], $6::int[], $7::bigint[], $8::timestamptz[], $9::varchar[],"
            + " $10::text[], $11::timestamptz[]) on conflict (trigger_key) do nothing returning trigger_key";

    /**
     * Inserts every level whose trigger key does not exist yet (a replayed or duplicated event adds nothing), in one
     * statement; answers the trigger keys inserted now.
     */
    public Uni<Set<String>> insertAll(List<ScheduledLevel> levels) {
        if (levels.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = levels.size();
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        String[] scopes = new String[n];
        String[] tickets = new String[n];
        String[] stages = new String[n];
        Integer[] numbers = new Integer[n];
        Long[] levelIds = new Long[n];
        OffsetDateTime[] dues = new OffsetDateTime[n];
        String[] statuses = new String[n];
        String[] contexts = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            ScheduledLevel s = levels.get(i);
            ids[i] = s.id;
            keys[i] = s.triggerKey;
            scopes[i] = s.scope;
            tickets[i] = s.ticketId;
            stages[i] = s.stage;
            numbers[i] = s.level;
            levelIds[i] = s.levelId;
            dues[i] = OffsetDateTime.ofInstant(s.dueAt, ZoneOffset.UTC);
            statuses[i] = s.status.name();
            contexts[i] = s.context;
            created[i] = OffsetDateTime.ofInstant(s.createdAt, ZoneOffset.UTC);
        }
        return Panache.getSession().flatMap(session -> SessionSql.select(session, INSERT_ALL, ids, keys, scopes, tickets,
                        stages, numbers, levelIds, dues, statuses, contexts, created))
                .map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add((String) row[0]));
                    return inserted;
                });
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
