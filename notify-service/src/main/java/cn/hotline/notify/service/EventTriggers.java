package cn.hotline.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.CloudEvent;
import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.DispatchEvent;
import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.events.payload.RepeatComplainantAlert;
import cn.hotline.events.payload.SlaEvent;
import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.AlertTrigger;
import cn.hotline.notify.domain.DispatchTrigger;
import cn.hotline.notify.domain.SlaTrigger;
import cn.hotline.notify.domain.Trigger;
import cn.hotline.notify.domain.TriggerContext;
import io.smallrye.mutiny.Uni;

/** Maps consumed events to ticket context updates, reminder-ladder triggers and stops (inside the consumer's transaction). */
@ApplicationScoped
public class EventTriggers {

    private static final String SIGN = "SIGN";

    private final ReminderLadderScheduler ladder;
    private final TicketContextService contexts;
    private final NotifyConfig config;
    private final Clock clock;

    public EventTriggers(ReminderLadderScheduler ladder, TicketContextService contexts, NotifyConfig config, Clock clock) {
        this.ladder = ladder;
        this.contexts = contexts;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> onDispatch(String type, DispatchEvent e, CloudEvent event) {
        Uni<Void> remembered = contexts.remember(e);
        List<String> scopes = Arrays.asList(e.dispatchId(), e.ticketId());
        String unit = e.lead() == null ? null : e.lead().unitCode();
        return switch (type) {
            case EventTypes.DISPATCH_ASSIGNED -> remembered
                    .chain(() -> ladder.reopen(e.dispatchId(), e.ticketId()))
                    .chain(() -> ladder.triggerAll(dispatched(e, event, unit)));
            // PETITION and REPEAT_SUPERVISION call the signed-stopped stage ACCEPT (sla-service's policies.yaml).
            case EventTypes.DISPATCH_SIGNED -> remembered.chain(() -> ladder.stop(scopes, SIGN, "SIGNED"))
                    .chain(() -> ladder.stop(scopes, "ACCEPT", "SIGNED"));
            case EventTypes.DISPATCH_ARRIVED -> remembered.chain(() -> ladder.stop(scopes, "ARRIVE", "ARRIVED"));
            case EventTypes.DISPATCH_HANDLED -> remembered.chain(() -> ladder.stop(scopes, "HANDLE", "HANDLED"));
            case EventTypes.DISPATCH_COMPLETED -> remembered.chain(() -> ladder.stop(scopes, "*", "COMPLETED"));
            case EventTypes.DISPATCH_REASSIGNED -> remembered
                    .chain(() -> ladder.stop(Arrays.asList(e.previousDispatchId()), "*", "REASSIGNED"));
            // Urgent ones reach the duty dispatcher at once; every queued ticket is timed (sla's QUEUE stage).
            case EventTypes.DISPATCH_QUEUED -> !"URGENT".equalsIgnoreCase(e.urgency()) ? remembered
                    : remembered.chain(() -> ladder.trigger(action(e, event, "MANUAL_QUEUE_URGENT", "QUEUE",
                            Trigger.QUEUED, null, null, null, null, null)));
            // The unit handed it back: no more reminders to it; the dispatcher must review (sla's RETURN_REVIEW).
            case EventTypes.DISPATCH_RETURNED -> remembered
                    .chain(() -> stopUnitStages(scopes, "RETURNED"))
                    .chain(() -> ladder.trigger(action(e, event, urgency(e), "RETURN_REVIEW", Trigger.RETURNED, unit,
                            null, null, null, returnReason(e))));
            case EventTypes.DISPATCH_ESCALATED -> remembered.chain(() -> ladder.trigger(action(e, event, urgency(e),
                    "ESCALATE", Trigger.ESCALATED, unit, null, higherLevel(e), e.escalationLevel(), e.note())));
            case EventTypes.DISPATCH_EXTENSION_REQUESTED -> remembered.chain(() -> ladder.trigger(action(e, event,
                    urgency(e), "EXTENSION", Trigger.EXTENSION_REQUESTED, unit, null, null, null,
                    e.extensionDuration() + "，理由：" + e.note())));
            case EventTypes.DISPATCH_EXTENSION_DECIDED -> remembered.chain(() -> ladder.trigger(action(e, event,
                    urgency(e), "EXTENSION", Trigger.EXTENSION_DECIDED, unit, e.handlerId(), null, null,
                    Boolean.TRUE.equals(e.extensionApproved()) ? "已批准延期" + e.extensionDuration() : "未批准延期")));
            // Nothing more for the unit to do: stop every later level, and tell it (on the ticket's scope, not stopped).
            case EventTypes.DISPATCH_CANCELLED -> remembered
                    .chain(() -> ladder.stop(Arrays.asList(e.dispatchId()), "*", "CANCELLED"))
                    .chain(() -> ladder.trigger(new DispatchTrigger(e.ticketId(), e.ticketNumber(), null, urgency(e),
                            "CANCEL", Trigger.CANCELLED, unit, e.handlerId(), e.urgency(), null, null, occurred(e, event),
                            cancelReason(e))));
            case EventTypes.DISPATCH_ASSIST_SIGNED -> remembered.chain(() -> ladder.stop(
                    List.of(TriggerContext.assistScope(e.dispatchId(), e.actingUnitCode())), "ASSIST_SIGN", "SIGNED"));
            case EventTypes.DISPATCH_ASSIST_REPORTED, EventTypes.DISPATCH_ASSIST_RELEASED -> remembered.chain(() ->
                    ladder.stop(List.of(TriggerContext.assistScope(e.dispatchId(), e.actingUnitCode())), "*",
                            EventTypes.DISPATCH_ASSIST_REPORTED.equals(type) ? "REPORTED" : "RELEASED"));
            default -> remembered;
        };
    }

    /** The lead unit's dispatch SMS, and each assisting unit's own (on its own scope, so each is sent once). */
    private static List<TriggerContext> dispatched(DispatchEvent e, CloudEvent event, String unit) {
        List<TriggerContext> triggers = new ArrayList<>();
        triggers.add(action(e, event, urgency(e), SIGN, Trigger.DISPATCHED, unit, e.handlerId(), null, null, null));
        if (e.assisting() != null) {
            e.assisting().stream().map(u -> u.unitCode()).distinct().forEach(u -> triggers.add(action(e, event,
                    urgency(e), "ASSIST_SIGN", Trigger.DISPATCHED, u, null, null, null, null)));
        }
        return triggers;
    }

    private Uni<Void> stopUnitStages(List<String> scopes, String reason) {
        return ladder.stop(scopes, SIGN, reason).chain(() -> ladder.stop(scopes, "ACCEPT", reason))
                .chain(() -> ladder.stop(scopes, "ARRIVE", reason)).chain(() -> ladder.stop(scopes, "HANDLE", reason));
    }

    private static DispatchTrigger action(DispatchEvent e, CloudEvent event, String policy, String stage, Trigger trigger,
            String unit, String handler, String territory, Integer escalationLevel, String note) {
        return new DispatchTrigger(e.ticketId(), e.ticketNumber(), e.dispatchId(), policy, stage, trigger, unit, handler,
                e.urgency(), territory != null ? territory : e.territory() == null ? null : e.territory().countyCode(),
                escalationLevel, occurred(e, event), note);
    }

    private static String urgency(DispatchEvent e) {
        return "URGENT".equalsIgnoreCase(e.urgency()) ? "URGENT" : "NORMAL";
    }

    private static Instant occurred(DispatchEvent e, CloudEvent event) {
        return e.actionAt() != null ? e.actionAt() : event.time();
    }

    /** Level 1 goes to the county's command centre, higher levels to the city's (routing's escalation target). */
    private String higherLevel(DispatchEvent e) {
        String county = e.territory() == null ? null : e.territory().countyCode();
        return e.escalationLevel() <= 1 && county != null ? county : config.defaultTerritory();
    }

    private static String returnReason(DispatchEvent e) {
        String reason = RETURN_REASONS.getOrDefault(e.reasonCode(), e.reasonCode());
        return e.note() == null || e.note().isBlank() ? reason : reason + "：" + e.note();
    }

    private static String cancelReason(DispatchEvent e) {
        return "TRANSFERRED_OUT".equals(e.reasonCode()) ? "已移交110处置" : "MERGED".equals(e.reasonCode()) ? "已并入其他工单"
                : "已撤销";
    }

    private static final Map<String, String> RETURN_REASONS = Map.of(
            "NOT_OUR_JURISDICTION", "非本单位职责", "WRONG_TERRITORY", "属地有误", "INSUFFICIENT_INFORMATION", "信息不全",
            "DUPLICATE", "重复工单", "OTHER", "其他");

    public Uni<Void> onSla(String type, SlaEvent e) {
        Trigger trigger = switch (type) {
            case EventTypes.SLA_WARNING -> Trigger.WARNING;
            case EventTypes.SLA_BREACHED -> Trigger.BREACHED;
            case EventTypes.SLA_OVERDUE_REMINDER -> Trigger.OVERDUE_REMINDER;
            default -> null;
        };
        if (EventTypes.SLA_STAGE_MET.equals(type)) {
            List<String> scopes = TriggerContext.assisting(e.stage()) && e.dispatchId() != null
                    ? List.of(TriggerContext.assistScope(e.dispatchId(), e.unitCode()))
                    : Arrays.asList(e.dispatchId(), e.ticketId());
            return ladder.stop(scopes, e.stage(), "STAGE_MET");
        }
        if (trigger == null) {
            return Uni.createFrom().voidItem();
        }
        return ladder.trigger(new SlaTrigger(e.ticketId(), e.ticketNumber(), e.dispatchId(), e.policyCode(),
                e.stage(), trigger, trigger == Trigger.WARNING ? e.thresholdPercent() : null,
                trigger == Trigger.OVERDUE_REMINDER ? e.sequence() : null, e.unitCode(), e.handlerId(), e.urgency(),
                e.deadline(), e.remaining(), e.firedAt() != null ? e.firedAt() : clock.instant()));
    }

    public Uni<Void> onRepeatComplainant(RepeatComplainantAlert a) {
        return ladder.trigger(new AlertTrigger(a.ticketId(), a.number(), "REPEAT_COMPLAINANT",
                a.territory() == null ? null : a.territory().countyCode(), null, (long) a.ticketCount(), a.windowDays(),
                a.raisedAt() != null ? a.raisedAt() : clock.instant()));
    }

    public Uni<Void> onHotwordSurge(HotwordSurgeAlert a) {
        String ticketId = a.ticketId() != null ? a.ticketId() : "hotword:" + a.townCode() + ":" + a.keyword() + ":" + a.windowStart();
        return ladder.trigger(new AlertTrigger(ticketId, null, "HOTWORD_SURGE",
                a.townCode() != null ? a.townCode() : a.countyCode(), a.keyword() != null ? a.keyword() : a.categoryCode(),
                a.count(), null, a.raisedAt() != null ? a.raisedAt() : clock.instant()));
    }
}
