package cn.hotline.sla.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.sla.domain.FiringPoints;
import cn.hotline.sla.domain.PausedSpan;
import cn.hotline.sla.domain.Policy;
import cn.hotline.sla.domain.SlaDuration;
import cn.hotline.sla.domain.StageDefinition;
import cn.hotline.sla.domain.TimerContext;
import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.sla.domain.TimerPlan;
import cn.hotline.sla.domain.TimerTransitions;

/** Builds timers from policy stages and (re)computes their absolute deadline, warnings and next due instant. */
@ApplicationScoped
public class TimerPlanner {

    private final CalendarRegistry calendars;

    public TimerPlanner(CalendarRegistry calendars) {
        this.calendars = calendars;
    }

    public TimerEntity newTimer(Policy policy, StageDefinition stage, TimerContext context, Instant startedAt, Instant now) {
        TimerEntity timer = new TimerEntity();
        timer.id = UUID.randomUUID().toString();
        timer.policyCode = policy.code();
        timer.calendarName = policy.calendar();
        timer.stage = stage.stage();
        timer.scope = stage.scope();
        timer.stopEvent = stage.stopEvent();
        timer.mode = stage.mode();
        timer.duration = stage.duration();
        timer.thresholds = String.join(",", stage.warningThresholds().stream().map(String::valueOf).toList());
        timer.reminderInterval = stage.reminderInterval();
        timer.maxReminders = stage.maxReminders();
        timer.startedAt = startedAt;
        TimerTransitions.start(timer);
        timer.createdAt = now;
        assign(timer, context);
        replan(timer);
        return timer;
    }

    /** Points a ticket-wide timer at the unit now responsible (re-dispatch keeps the timer running). */
    public void assign(TimerEntity timer, TimerContext context) {
        timer.ticketId = context.ticketId();
        timer.ticketNumber = context.ticketNumber() != null ? context.ticketNumber() : timer.ticketNumber;
        timer.dispatchId = context.dispatchId();
        timer.unitCode = context.unitCode();
        timer.handlerId = context.handlerId();
        timer.countyCode = context.countyCode();
        timer.townCode = context.townCode();
        timer.urgency = context.urgency();
    }

    /** Recomputes deadline, warning instants and the next due instant from the timer's inputs. */
    public void replan(TimerEntity timer) {
        SlaDuration duration = SlaDuration.parse(timer.duration);
        if (timer.extension != null && !timer.extension.isBlank()) {
            duration = duration.plus(SlaDuration.parse(timer.extension));
        }
        List<Integer> thresholds = FiringPoints.parseThresholds(timer.thresholds);
        TimerPlan plan = TimerPlan.compute(calendars.get(timer.calendarName), timer.startedAt, duration, timer.mode,
                thresholds, PausedSpan.parseAll(timer.pausedSpans));
        timer.deadline = plan.deadline();
        timer.warningInstants = String.join(",", plan.warnings().stream().map(Instant::toString).toList());
        timer.nextDueAt = TimerTransitions.FIRING.contains(timer.state) ? points(timer).due(timer.nextIndex) : null;
    }

    public FiringPoints points(TimerEntity timer) {
        return FiringPoints.of(timer);
    }

    /** Closes the open pause at {@code at}. */
    public void closePause(TimerEntity timer, Instant at) {
        if (timer.pausedAt == null) {
            return;
        }
        List<PausedSpan> spans = new ArrayList<>(PausedSpan.parseAll(timer.pausedSpans));
        if (at.isAfter(timer.pausedAt)) {
            spans.add(new PausedSpan(timer.pausedAt, at));
        }
        timer.pausedSpans = PausedSpan.format(spans);
        timer.pausedAt = null;
    }
}
