package cn.hotline.sla.domain;

import java.util.List;

/** What a ticket must be for a policy to apply; an empty list matches anything. */
public record PolicyMatch(List<String> urgencies, List<String> kinds, List<String> categoryPrefixes,
        List<String> channels, List<String> flags) {

    public PolicyMatch {
        urgencies = urgencies == null ? List.of() : List.copyOf(urgencies);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        categoryPrefixes = categoryPrefixes == null ? List.of() : List.copyOf(categoryPrefixes);
        channels = channels == null ? List.of() : List.copyOf(channels);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** How many criteria are set: more is more specific. */
    public int specificity() {
        return (urgencies.isEmpty() ? 0 : 1) + (kinds.isEmpty() ? 0 : 1) + (categoryPrefixes.isEmpty() ? 0 : 1)
                + (channels.isEmpty() ? 0 : 1) + (flags.isEmpty() ? 0 : 1);
    }

    public boolean matches(TicketProfile ticket) {
        return in(urgencies, ticket.urgency()) && in(kinds, ticket.kind()) && in(channels, ticket.channel())
                && (categoryPrefixes.isEmpty() || ticket.categoryCode() != null
                        && categoryPrefixes.stream().anyMatch(ticket.categoryCode()::startsWith))
                && (flags.isEmpty() || ticket.flags().stream().anyMatch(flags::contains));
    }

    private static boolean in(List<String> allowed, String value) {
        return allowed.isEmpty() || value != null && allowed.stream().anyMatch(value::equalsIgnoreCase);
    }
}
