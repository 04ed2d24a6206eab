package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.notify.domain.LevelStatus;
import cn.hotline.notify.domain.ReminderLadderLevel;
import cn.hotline.notify.domain.ScheduledLevel;
import cn.hotline.notify.domain.SlaTrigger;
import cn.hotline.notify.domain.TriggerContext;
import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.notify.repository.ReminderLadderStopRepository;
import cn.hotline.notify.repository.ScheduledLevelRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Turns triggers into scheduled levels (one row per trigger and level, so a replayed event adds nothing) and
 * stops a stage's later levels when the stage is met or acknowledged. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class ReminderLadderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderLadderScheduler.class);

    private final LadderChains chains;
    private final ScheduledLevelRepository scheduled;
    private final ReminderLadderStopRepository stops;
    private final NotificationRepository notifications;
    private final ObjectMapper json;
    private final Clock clock;

    public ReminderLadderScheduler(LadderChains chains, ScheduledLevelRepository scheduled,
            ReminderLadderStopRepository stops, NotificationRepository notifications, ObjectMapper json, Clock clock) {
        this.chains = chains;
        this.scheduled = scheduled;
        this.stops = stops;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    /** Schedules every level of the matching chain that this trigger starts, with one statement. */
    public Uni<Void> trigger(TriggerContext context) {
        return triggerAll(List.of(context));
    }

    /** {@link #trigger} for several triggers of one event (a dispatch's lead and assisting units), with one statement. */
    public Uni<Void> triggerAll(List<TriggerContext> contexts) {
        return Multi.createFrom().iterable(contexts).onItem()
                .transformToUniAndConcatenate(context -> chains.chainFor(context.policyCode(), context.stage())
                        .map(chain -> rows(context, chain)))
                .collect().asList()
                .flatMap(lists -> {
                    List<ScheduledLevel> rows = lists.stream().flatMap(List::stream).toList();
                    return scheduled.insertAll(rows).invoke(inserted -> rows.stream()
                            .filter(row -> !inserted.contains(row.triggerKey))
                            .forEach(row -> LOG.debugf("level %s already scheduled", row.triggerKey)));
                }).replaceWithVoid();
    }

    private List<ScheduledLevel> rows(TriggerContext context, List<ReminderLadderLevel> chain) {
        List<ScheduledLevel> rows = new ArrayList<>();
        for (ReminderLadderLevel level : chain) {
            if (level.trigger == context.trigger()
                    && (level.thresholdPercent == null || level.thresholdPercent.equals(threshold(context)))) {
                rows.add(row(context, level));
            }
        }
        return rows;
    }

    /** Only an SLA warning has a threshold; a level with one fires for that threshold only. */
    private static Integer threshold(TriggerContext context) {
        return context instanceof SlaTrigger sla ? sla.thresholdPercent() : null;
    }

    private ScheduledLevel row(TriggerContext context, ReminderLadderLevel level) {
        ScheduledLevel row = new ScheduledLevel();
        row.id = UUID.randomUUID();
        row.scope = context.scope();
        row.ticketId = context.ticketId();
        row.stage = context.stage();
        row.level = level.level;
        row.levelId = level.id;
        row.triggerKey = String.join("|", context.scope(), context.stage(), context.instance(), String.valueOf(level.level));
        Instant base = context.occurredAt() != null ? context.occurredAt() : clock.instant();
        row.dueAt = base.plus(Duration.ofSeconds(level.delaySeconds));
        row.status = LevelStatus.PENDING;
        row.createdAt = clock.instant();
        try {
            row.context = json.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trigger context not serialisable: " + e.getOriginalMessage(), e);
        }
        return row;
    }

    /** Stops {@code stage} ('*' = all) in every scope given: later levels are cancelled and never fire. */
    public Uni<Void> stop(List<String> scopes, String stage, String reason) {
        Instant now = clock.instant();
        return Multi.createFrom().iterable(scopes.stream().filter(s -> s != null).distinct().toList())
                .onItem().transformToUniAndConcatenate(scope -> stops.stop(scope, stage, reason, now)
                        .chain(() -> scheduled.cancel(scope, stage))
                        .chain(() -> notifications.cancelUnsent(scope, stage)))
                .collect().asList().replaceWithVoid();
    }

    /** A new dispatch starts its stages afresh. */
    public Uni<Void> reopen(String dispatchId, String ticketId) {
        List<String> scopes = Stream.of(dispatchId, ticketId).filter(Objects::nonNull).distinct().toList();
        return scopes.isEmpty() ? Uni.createFrom().voidItem() : stops.reopen(scopes);
    }
}
