package cn.hotline.events;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The CloudEvent {@code type} names of the suite, as the contract lists them. */
public final class EventTypes {

    public static final String TICKET_CREATED = "ticket.created";
    public static final String TICKET_MERGED = "ticket.merged";
    public static final String TICKET_REOPENED = "ticket.reopened";
    public static final String TICKET_CLOSED = "ticket.closed";
    public static final String TICKET_TRANSFERRED_OUT = "ticket.transferred-out";
    /** The lead unit completed: the ticket waits for the follow-up (回访), by operator call or SMS survey. */
    public static final String TICKET_AWAITING_FOLLOW_UP = "ticket.awaiting-follow-up";

    public static final String ALERT_REPEAT_COMPLAINANT = "alert.repeat-complainant";
    public static final String ALERT_HOTWORD_SURGE = "alert.hotword-surge";

    public static final String DISPATCH_ASSIGNED = "dispatch.assigned";
    public static final String DISPATCH_SIGNED = "dispatch.signed";
    public static final String DISPATCH_RETURNED = "dispatch.returned";
    public static final String DISPATCH_REASSIGNED = "dispatch.reassigned";
    public static final String DISPATCH_ESCALATED = "dispatch.escalated";
    public static final String DISPATCH_ARRIVED = "dispatch.arrived";
    public static final String DISPATCH_HANDLED = "dispatch.handled";
    public static final String DISPATCH_EXTENSION_REQUESTED = "dispatch.extension-requested";
    public static final String DISPATCH_EXTENSION_DECIDED = "dispatch.extension-decided";
    public static final String DISPATCH_COMPLETED = "dispatch.completed";
    public static final String DISPATCH_LEADER_ASSIGNED = "dispatch.leader-assigned";
    /** Placed in the MANUAL queue: no rule placed it; the duty dispatcher must (state UNASSIGNED). */
    public static final String DISPATCH_QUEUED = "dispatch.queued";
    /** Ended because the ticket left the suite (merged, transferred out); {@code reasonCode} says which. */
    public static final String DISPATCH_CANCELLED = "dispatch.cancelled";
    /** An assisting unit (协办) signed for its part; {@code actingUnitCode} is that unit. */
    public static final String DISPATCH_ASSIST_SIGNED = "dispatch.assist-signed";
    /** An assisting unit reported its part ({@code note}); {@code actingUnitCode} is that unit. */
    public static final String DISPATCH_ASSIST_REPORTED = "dispatch.assist-reported";
    /** The dispatcher released an assisting unit from its part; {@code reasonCode} is the released unit. */
    public static final String DISPATCH_ASSIST_RELEASED = "dispatch.assist-released";

    public static final String SLA_WARNING = "sla.warning";
    public static final String SLA_BREACHED = "sla.breached";
    public static final String SLA_STAGE_MET = "sla.stage-met";
    public static final String SLA_OVERDUE_REMINDER = "sla.overdue-reminder";

    /**
     * intake's category catalogue changed (an import): the payload lists the entries added or replaced. Travels on
     * {@code hotline.tickets} keyed {@code category-catalogue}; routing and notify keep their copies by it.
     */
    public static final String CATEGORY_CHANGED = "category.changed";

    public static final String NOTIFICATION_SENT = "notification.sent";
    public static final String NOTIFICATION_DELIVERED = "notification.delivered";
    public static final String NOTIFICATION_FAILED = "notification.failed";

    public static final List<String> ALL = List.of(
            TICKET_CREATED, TICKET_MERGED, TICKET_REOPENED, TICKET_CLOSED, TICKET_TRANSFERRED_OUT,
            TICKET_AWAITING_FOLLOW_UP,
            ALERT_REPEAT_COMPLAINANT, ALERT_HOTWORD_SURGE,
            DISPATCH_ASSIGNED, DISPATCH_SIGNED, DISPATCH_RETURNED, DISPATCH_REASSIGNED, DISPATCH_ESCALATED,
            DISPATCH_ARRIVED, DISPATCH_HANDLED, DISPATCH_EXTENSION_REQUESTED, DISPATCH_EXTENSION_DECIDED,
            DISPATCH_COMPLETED, DISPATCH_LEADER_ASSIGNED, DISPATCH_QUEUED, DISPATCH_CANCELLED, DISPATCH_ASSIST_SIGNED,
            DISPATCH_ASSIST_REPORTED, DISPATCH_ASSIST_RELEASED,
            SLA_WARNING, SLA_BREACHED, SLA_STAGE_MET, SLA_OVERDUE_REMINDER,
            NOTIFICATION_SENT, NOTIFICATION_DELIVERED, NOTIFICATION_FAILED, CATEGORY_CHANGED);

    /**
     * The types of one family, e.g. {@code "dispatch."}: for a consumer that applies every event of a topic. A type
     * this build does not list is passed over unclaimed, as the consumers' switches passed it over before.
     */
    public static Set<String> withPrefix(String prefix) {
        return ALL.stream().filter(type -> type.startsWith(prefix)).collect(Collectors.toUnmodifiableSet());
    }

    private EventTypes() {
    }
}
