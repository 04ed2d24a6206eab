package cn.hotline.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.sla.domain.Policy;
import cn.hotline.sla.domain.Stage;
import cn.hotline.sla.domain.StageDefinition;
import cn.hotline.sla.domain.TimerContext;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.domain.TimerScope;
import cn.hotline.sla.domain.TimerTransitions;
import cn.hotline.sla.domain.TimerTransitions.Action;
import cn.hotline.sla.repository.TimerRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Starts, meets and cancels stage timers as dispatches and tickets move (pausing and moving deadlines is
 * {@link TimerAdjustments}). Every method runs inside the caller's transaction; new timers are scheduled in it.
 */
@ApplicationScoped
public class TimerService {

    /** Progress a dispatch can report, in order: reaching one means the earlier ones are behind it. */
    private static final List<String> PROGRESS = List.of(EventTypes.DISPATCH_SIGNED, EventTypes.DISPATCH_ARRIVED,
            EventTypes.DISPATCH_HANDLED, EventTypes.DISPATCH_COMPLETED);

    private final TimerRepository repository;
    private final TimerPlanner planner;
    private final TimerArming arming;
    private final SlaEvents events;
    private final Clock clock;

    public TimerService(TimerRepository repository, TimerPlanner planner, TimerArming arming, SlaEvents events,
            Clock clock) {
        this.repository = repository;
        this.planner = planner;
        this.arming = arming;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The timers one dispatch event works on (see {@link TimerRepository#forDispatchEvent}), read on first use and
     * then shared by everything the event stops and starts.
     */
    Uni<TicketTimers> timersOf(String ticketId, String dispatchId) {
        return repository.forDispatchEvent(ticketId, dispatchId).map(TicketTimers::new).memoize().indefinitely();
    }

    /** Starts the policy's lead stages that start on {@code eventType}; returns the timers (new or carried on). */
    public Uni<List<TimerEntity>> start(Policy policy, String eventType, TimerContext context, Instant at) {
        return start(policy, eventType, context, at, timersOf(context.ticketId(), context.dispatchId()));
    }

    Uni<List<TimerEntity>> start(Policy policy, String eventType, TimerContext context, Instant at,
            Uni<TicketTimers> timers) {
        List<StageDefinition> stages = policy.stages().stream()
                .filter(s -> eventType.equals(s.startEvent()) && !s.stage().assisting()).toList();
        return startStages(policy, stages, context, at, timers);
    }

    /**
     * Starts an assisting unit's own stages on dispatch.assigned ({@code context} names that unit): the policy's
     * ASSIST_SIGN / ASSIST_REPORT stages, else by default the lead's budgets — signing as fast as the lead must
     * sign, reporting by the time the lead must complete.
     */
    Uni<List<TimerEntity>> startAssisting(Policy policy, TimerContext context, Instant at, Uni<TicketTimers> timers) {
        List<StageDefinition> stages = new ArrayList<>();
        assistStage(policy, Stage.ASSIST_SIGN, EventTypes.DISPATCH_ASSIST_SIGNED,
                s -> s.stage() == Stage.SIGN || s.stage() == Stage.ACCEPT).ifPresent(stages::add);
        assistStage(policy, Stage.ASSIST_REPORT, EventTypes.DISPATCH_ASSIST_REPORTED,
                s -> s.stopEvents().contains(EventTypes.DISPATCH_COMPLETED) && s.stage() != Stage.NO_PROGRESS)
                .ifPresent(stages::add);
        return startStages(policy, stages, context, at, timers);
    }

    private static Optional<StageDefinition> assistStage(Policy policy, Stage stage, String stopEvent,
            Predicate<StageDefinition> leadsOwn) {
        List<StageDefinition> assigned = policy.stages().stream()
                .filter(s -> EventTypes.DISPATCH_ASSIGNED.equals(s.startEvent())).toList();
        return assigned.stream().filter(s -> s.stage() == stage).findFirst()
                .or(() -> assigned.stream().filter(leadsOwn).findFirst().map(s -> s.forAssisting(stage, stopEvent)));
    }

    /**
     * Starts {@code stages} in one go from what the event's timers show (the dispatch's stages, the ticket's active
     * ones); the new timers are persisted and put on the schedule together. Returns them in stage order.
     */
    private Uni<List<TimerEntity>> startStages(Policy policy, List<StageDefinition> stages, TimerContext context,
            Instant at, Uni<TicketTimers> timers) {
        if (stages.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return timers.flatMap(known -> {
            Set<Stage> onDispatch = context.dispatchId() == null ? Set.of()
                    : known.stagesOfDispatch(context.dispatchId(), context.unitCode());
            List<TimerEntity> active = known.active();
            List<TimerEntity> started = new ArrayList<>();
            List<TimerEntity> fresh = new ArrayList<>();
            for (StageDefinition stage : stages) {
                if (stage.scope() == TimerScope.DISPATCH) {
                    // A cancelled timer (the unit returned the dispatch, the return was rejected) does not block a fresh one.
                    if (context.dispatchId() != null && !onDispatch.contains(stage.stage())) {
                        TimerEntity timer = planner.newTimer(policy, stage, context, at, clock.instant());
                        fresh.add(timer);
                        started.add(timer);
                    }
                    continue;
                }
                TimerEntity carried = active.stream()
                        .filter(t -> t.scope == TimerScope.TICKET && t.stage == stage.stage()).findFirst().orElse(null);
                if (carried == null) {
                    TimerEntity timer = planner.newTimer(policy, stage, context, at, clock.instant());
                    fresh.add(timer);
                    started.add(timer);
                } else {
                    // Re-dispatch: the ticket's timer keeps running, now on the new unit's account.
                    planner.assign(carried, context);
                    started.add(carried);
                }
            }
            known.addAll(fresh);
            return arming.persistAll(fresh).replaceWith(started);
        });
    }

    /** Meets the timers {@code eventType} stops (and those of earlier progress the event implies). */
    public Uni<List<TimerEntity>> stop(String eventType, String ticketId, String dispatchId, Instant at) {
        return stop(eventType, dispatchId, at, repository.activeByTicket(ticketId).map(TicketTimers::new));
    }

    Uni<List<TimerEntity>> stop(String eventType, String dispatchId, Instant at, Uni<TicketTimers> timers) {
        int reached = PROGRESS.indexOf(eventType);
        return timers.flatMap(known -> {
            List<TimerEntity> stopping = known.active().stream()
                    .filter(t -> !t.stage.assisting())
                    .filter(t -> t.scope == TimerScope.TICKET || dispatchId != null && dispatchId.equals(t.dispatchId))
                    .filter(t -> StageDefinition.stopEvents(t.stopEvent).contains(eventType)
                            || reached >= 0 && PROGRESS.indexOf(t.stopEvent) >= 0 && PROGRESS.indexOf(t.stopEvent) < reached
                                    && t.scope == TimerScope.DISPATCH)
                    .toList();
            return sequentially(stopping, timer -> met(timer, at));
        });
    }

    /** An assisting unit signed (its ASSIST_SIGN is met) or reported (both are). */
    public Uni<List<TimerEntity>> stopAssisting(String eventType, String dispatchId, String unitCode, Instant at) {
        boolean reported = EventTypes.DISPATCH_ASSIST_REPORTED.equals(eventType);
        return repository.activeByDispatch(dispatchId).flatMap(active -> sequentially(active.stream()
                .filter(t -> t.stage == Stage.ASSIST_SIGN || reported && t.stage == Stage.ASSIST_REPORT)
                .filter(t -> Objects.equals(unitCode, t.unitCode)).toList(), timer -> met(timer, at)));
    }

    /** The dispatcher released an assisting unit: its own timers end without counting against it. */
    public Uni<List<TimerEntity>> cancelAssisting(String dispatchId, String unitCode) {
        return repository.activeByDispatch(dispatchId).map(active -> {
            List<TimerEntity> released = active.stream()
                    .filter(t -> t.stage.assisting() && Objects.equals(unitCode, t.unitCode)).toList();
            released.forEach(this::cancelled);
            return released;
        });
    }

    private Uni<TimerEntity> met(TimerEntity timer, Instant at) {
        planner.closePause(timer, at);
        planner.replan(timer);
        TimerTransitions.apply(timer, Action.MEET);
        timer.stoppedAt = at;
        timer.onTime = !at.isAfter(timer.deadline);
        timer.nextDueAt = null;
        return events.stageMet(timer, at).replaceWith(timer);
    }

    /** Cancels timers: all of a ticket (merged, closed) or the dispatch-scoped ones of a dispatch (re-dispatched). */
    public Uni<List<TimerEntity>> cancel(String ticketId, String dispatchId) {
        Uni<List<TimerEntity>> timers = dispatchId == null ? repository.activeByTicket(ticketId)
                : repository.activeByDispatch(dispatchId);
        return timers.map(list -> {
            list.forEach(this::cancelled);
            return list;
        });
    }

    private void cancelled(TimerEntity t) {
        TimerTransitions.apply(t, Action.CANCEL);
        t.stoppedAt = clock.instant();
        t.nextDueAt = null;
        t.pausedAt = null;
    }

    private static <T> Uni<List<TimerEntity>> sequentially(List<T> items, Function<T, Uni<TimerEntity>> step) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(items).onItem()
                .<TimerEntity>transformToUniAndConcatenate(item -> step.apply(item))
                .filter(t -> t != null).collect().asList();
    }
}
