package cn.hotline.routing.service;

import java.util.Optional;

import cn.hotline.routing.domain.TerritoryLevel;
import cn.hotline.routing.domain.Unit;

/**
 * The unit forms a catalogue rule may name: a unit code; {@code TOWN_GOVERNMENT} / {@code VILLAGE_COMMITTEE}
 * (the ticket's own town government or village committee, 属地); {@code COUNTY:<kind>} (the unit of that
 * kind in the ticket's county, 事权).
 */
public final class UnitExpression {

    public static final String TOWN_GOVERNMENT = "TOWN_GOVERNMENT";
    public static final String VILLAGE_COMMITTEE = "VILLAGE_COMMITTEE";
    public static final String COUNTY_PREFIX = "COUNTY:";

    /** A resolved unit and why it was chosen. */
    public record Resolution(Unit unit, String why) {
    }

    private UnitExpression() {
    }

    public static boolean symbolic(String expression) {
        return TOWN_GOVERNMENT.equals(expression) || VILLAGE_COMMITTEE.equals(expression)
                || (expression.startsWith(COUNTY_PREFIX) && expression.length() > COUNTY_PREFIX.length());
    }

    /** Resolves {@code expression} for a ticket placed at {@code territory}; empty with no such unit. */
    public static Optional<Resolution> resolve(String expression, ResolvedTerritory territory, OrganisationSnapshot org) {
        if (TOWN_GOVERNMENT.equals(expression)) {
            return byKind(territory.townCode(), TOWN_GOVERNMENT, org, "属地 (town government of %s)");
        }
        if (VILLAGE_COMMITTEE.equals(expression)) {
            return byKind(territory.villageCode(), VILLAGE_COMMITTEE, org, "属地 (village committee of %s)");
        }
        if (expression.startsWith(COUNTY_PREFIX)) {
            String kind = expression.substring(COUNTY_PREFIX.length());
            return byKind(territory.countyCode(), kind, org, "事权 (" + kind + " of %s)");
        }
        return org.unit(expression).map(u -> new Resolution(u, "named in the rule (" + u.level().code() + " unit)"));
    }

    private static Optional<Resolution> byKind(String territoryCode, String kind, OrganisationSnapshot org, String why) {
        if (territoryCode == null) {
            return Optional.empty();
        }
        String place = org.territory(territoryCode).map(t -> t.name()).orElse(territoryCode);
        return org.unitOf(territoryCode, kind).map(u -> new Resolution(u, String.format(why, place)));
    }

    /** The level a symbolic expression needs the ticket to be placed at. */
    public static TerritoryLevel needs(String expression) {
        return VILLAGE_COMMITTEE.equals(expression) ? TerritoryLevel.VILLAGE
                : TOWN_GOVERNMENT.equals(expression) ? TerritoryLevel.TOWN : TerritoryLevel.COUNTY;
    }
}
