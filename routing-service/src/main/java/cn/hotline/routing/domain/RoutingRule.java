package cn.hotline.routing.domain;

import java.time.Instant;
import java.util.List;

/**
 * One version of a jurisdiction catalogue (派单目录) rule: category (+ optional kind, urgency) within a
 * territory scope → lead and assisting unit expressions (a unit code, {@code TOWN_GOVERNMENT},
 * {@code VILLAGE_COMMITTEE} or {@code COUNTY:<unit kind>}).
 */
public record RoutingRule(String ruleId, int version, String categoryCode, String kind, String urgency,
        String territoryCode, String lead, List<String> assisting, int priority, String description,
        Instant effectiveFrom, Instant effectiveTo) {

    public boolean effectiveAt(Instant at) {
        return !effectiveFrom.isAfter(at) && (effectiveTo == null || effectiveTo.isAfter(at));
    }

    public boolean appliesTo(String ticketKind, String ticketUrgency) {
        return (kind == null || kind.equalsIgnoreCase(ticketKind))
                && (urgency == null || urgency.equalsIgnoreCase(ticketUrgency));
    }

    /** How many optional conditions the rule sets; a tie-breaker after priority. */
    public int specificity() {
        return (kind == null ? 0 : 1) + (urgency == null ? 0 : 1);
    }

    /** Same content as {@code other}, ignoring version and dates. */
    public boolean sameContent(RoutingRule other) {
        return categoryCode.equals(other.categoryCode) && java.util.Objects.equals(kind, other.kind)
                && java.util.Objects.equals(urgency, other.urgency) && territoryCode.equals(other.territoryCode)
                && lead.equals(other.lead) && assisting.equals(other.assisting) && priority == other.priority
                && java.util.Objects.equals(description, other.description);
    }
}
