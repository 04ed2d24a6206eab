package cn.hotline.sla.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.config.SlaConfig;
import cn.hotline.support.redis.RedisConnection;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.smallrye.mutiny.Uni;

/**
 * The schedule in Redis: one sorted-set member per timer, scored by its next due instant (epoch ms). A claim
 * pops due members atomically (one Lua script), so of several instances exactly one gets each member.
 */
@ApplicationScoped
public class RedisSchedule {

    /** Pops up to ARGV[2] members scored at or below ARGV[1]; atomic, so no two claimers see the same member. */
    static final String CLAIM = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            if #due > 0 then redis.call('ZREM', KEYS[1], unpack(due)) end
            return due
            """;

    private final RedisConnection redis;
    private final SlaConfig.Schedule config;

    public RedisSchedule(RedisConnection redis, SlaConfig config) {
        this.redis = redis;
        this.config = config.schedule();
    }

    public Uni<Void> add(String timerId, Instant due) {
        return Uni.createFrom().completionStage(() -> commands().zadd(config.key(), due.toEpochMilli(), timerId))
                .replaceWithVoid();
    }

    public Uni<Void> addAll(Map<String, Instant> dues) {
        if (dues.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ScoredValue<String>> values = new ArrayList<>(dues.size());
        dues.forEach((id, due) -> values.add(ScoredValue.just(due.toEpochMilli(), id)));
        @SuppressWarnings("unchecked")
        ScoredValue<String>[] array = values.toArray(new ScoredValue[0]);
        return Uni.createFrom().completionStage(() -> commands().zadd(config.key(), array)).replaceWithVoid();
    }

    /** Atomically removes and returns up to {@code limit} timer ids due at or before {@code now}. */
    public Uni<List<String>> claim(Instant now, int limit) {
        return Uni.createFrom().completionStage(() -> commands().<List<Object>>eval(CLAIM, ScriptOutputType.MULTI,
                        new String[] {config.key()}, String.valueOf(now.toEpochMilli()), String.valueOf(limit)))
                .map(items -> items.stream().map(String::valueOf).toList());
    }

    /** The earliest scheduled instant, or null when the schedule is empty. */
    public Uni<Instant> earliest() {
        return Uni.createFrom().completionStage(() -> commands().zrangeWithScores(config.key(), 0, 0))
                .map(first -> first.isEmpty() ? null : Instant.ofEpochMilli((long) first.get(0).getScore()));
    }

    public Uni<Boolean> built() {
        return Uni.createFrom().completionStage(() -> commands().exists(config.markerKey())).map(n -> n > 0);
    }

    public Uni<Void> markBuilt(Instant at) {
        return Uni.createFrom().completionStage(() -> commands().set(config.markerKey(), at.toString())).replaceWithVoid();
    }

    public Uni<Long> size() {
        return Uni.createFrom().completionStage(() -> commands().zcard(config.key()));
    }

    private RedisAsyncCommands<String, String> commands() {
        return redis.get().async();
    }
}
