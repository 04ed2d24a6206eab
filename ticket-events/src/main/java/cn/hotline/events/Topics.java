package cn.hotline.events;

import java.util.List;

/** Kafka topic names and which event types travel on which topic. */
public final class Topics {

    public static final String TICKETS = "hotline.tickets";
    public static final String ALERTS = "hotline.alerts";
    public static final String DISPATCHES = "hotline.dispatches";
    public static final String SLA = "hotline.sla";
    public static final String NOTIFICATIONS = "hotline.notifications";

    public static final List<String> ALL = List.of(TICKETS, ALERTS, DISPATCHES, SLA, NOTIFICATIONS);

    /** Partition count when the deployment does not say otherwise. */
    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }

    /** The topic an event type is published on, from the type's family ({@code ticket.}, {@code sla.}, ...). */
    public static String forType(String type) {
        String family = type.substring(0, Math.max(type.indexOf('.'), 0));
        return switch (family) {
            case "ticket", "category" -> TICKETS;
            case "alert" -> ALERTS;
            case "dispatch" -> DISPATCHES;
            case "sla" -> SLA;
            case "notification" -> NOTIFICATIONS;
            default -> throw new IllegalArgumentException("no topic for event type '" + type + "'");
        };
    }
}
