package cn.hotline.sla.domain;

import java.util.List;

/** The ticket attributes policies are chosen by. */
public record TicketProfile(String urgency, String kind, String categoryCode, String channel, List<String> flags) {

    public TicketProfile {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
