package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.ReminderLadderLevel;
import cn.hotline.notify.repository.ReminderLadderLevelRepository;
import io.smallrye.mutiny.Uni;

/**
 * The reminder-ladder chains kept in memory for {@code hotline.notify.ladder-cache-ttl}: every event that schedules
 * levels looked its chain up, up to four queries each. This replica's own edits drop them at once (after commit),
 * another replica's within the TTL.
 */
@ApplicationScoped
public class LadderChains {

    private static final String ANY = "*";

    private record Snapshot(Map<String, List<ReminderLadderLevel>> chains, Instant loadedAt) {
    }

    private final ReminderLadderLevelRepository levels;
    private final Clock clock;
    private final Duration ttl;
    // A load that started before an invalidation must not put its (possibly stale) chains back after it.
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    public LadderChains(ReminderLadderLevelRepository levels, Clock clock, NotifyConfig config) {
        this.levels = levels;
        this.clock = clock;
        this.ttl = config.ladderCacheTtl();
    }

    /** The most specific chain: (policy, stage), (policy, *), (*, stage), (*, *). Runs in the caller's session. */
    public Uni<List<ReminderLadderLevel>> chainFor(String policy, String stage) {
        String p = policy == null ? ANY : policy;
        String s = stage == null ? ANY : stage;
        return current().map(snap -> {
            for (String key : List.of(key(p, s), key(p, ANY), key(ANY, s), key(ANY, ANY))) {
                List<ReminderLadderLevel> chain = snap.chains().get(key);
                if (chain != null) {
                    return chain;
                }
            }
            return List.of();
        });
    }

    /** Drops the chains: the next lookup reads them again. */
    public void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Uni<Snapshot> current() {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        // A clock set back (tests do) reloads too.
        if (known != null && !now.isBefore(known.loadedAt()) && now.isBefore(known.loadedAt().plus(ttl))) {
            return Uni.createFrom().item(known);
        }
        long loading = generation.get();
        return levels.all().map(all -> {
            Snapshot fresh = new Snapshot(all.stream().sorted(Comparator.comparingInt(l -> l.level))
                    .collect(Collectors.groupingBy(l -> key(l.policyCode, l.stage))), now);
            if (generation.get() == loading) {
                snapshot = fresh;
            }
            return fresh;
        });
    }

    private static String key(String policy, String stage) {
        return policy + "|" + stage;
    }
}
