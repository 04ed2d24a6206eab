package cn.hotline.sla.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.sla.domain.SlaDuration;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.domain.TimerTransitions;
import cn.hotline.sla.domain.TimerTransitions.Action;
import cn.hotline.sla.repository.TimerRepository;
import io.smallrye.mutiny.Uni;

/**
 * Moves the deadlines of a ticket's live timers: pause and resume (挂起), an approved extension (延期), a changed
 * working calendar. Every method runs inside the caller's transaction (consumer or service).
 */
@ApplicationScoped
public class TimerAdjustments {

    private final TimerRepository repository;
    private final TimerPlanner planner;
    private final TimerArming arming;

    public TimerAdjustments(TimerRepository repository, TimerPlanner planner, TimerArming arming) {
        this.repository = repository;
        this.planner = planner;
        this.arming = arming;
    }

    /** Pauses every running timer of the ticket; the paused span will push their deadlines back. */
    public Uni<List<TimerEntity>> pause(String ticketId, Instant at) {
        return repository.activeByTicket(ticketId).map(list -> {
            List<TimerEntity> paused = new ArrayList<>();
            for (TimerEntity timer : list) {
                if (TimerTransitions.find(timer.state, Action.PAUSE).isPresent()) {
                    TimerTransitions.apply(timer, Action.PAUSE);
                    timer.pausedAt = at;
                    timer.nextDueAt = null;
                    paused.add(timer);
                }
            }
            return paused;
        });
    }

    /** Resumes the ticket's paused timers with deadlines moved by the paused span. */
    public Uni<List<TimerEntity>> resume(String ticketId, Instant at) {
        return repository.activeByTicket(ticketId).flatMap(list -> {
            List<TimerEntity> resumed = list.stream()
                    .filter(t -> TimerTransitions.find(t.state, Action.RESUME).isPresent()).toList();
            resumed.forEach(timer -> {
                planner.closePause(timer, at);
                TimerTransitions.apply(timer, Action.RESUME);
                planner.replan(timer);
            });
            return arming.rearm(resumed);
        });
    }

    /** An approved extension: the timers that stop on completion get {@code extension} more. */
    public Uni<List<TimerEntity>> extend(String ticketId, SlaDuration extension) {
        return repository.activeByTicket(ticketId).flatMap(list -> {
            List<TimerEntity> extended = list.stream()
                    .filter(t -> EventTypes.DISPATCH_COMPLETED.equals(t.stopEvent)).toList();
            extended.forEach(timer -> {
                SlaDuration total = timer.extension == null || timer.extension.isBlank() ? extension
                        : SlaDuration.parse(timer.extension).plus(extension);
                timer.extension = total.toString();
                planner.replan(timer);
            });
            return arming.rearm(extended);
        });
    }

    /** A calendar changed: working-time timers on it get new deadlines. */
    public Uni<Integer> recomputeForCalendar(String calendar) {
        return repository.activeWorkingByCalendar(calendar).flatMap(list -> {
            list.forEach(planner::replan);
            return arming.rearm(list).map(List::size);
        });
    }
}
