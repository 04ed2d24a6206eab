package cn.hotline.routing.service;

import java.util.Set;

/**
 * Who performs an action: JWT subject (personId), roles, a handler's unit, and the territory (a county or town
 * code) a desk is kept to, null for city-wide; {@code system} for consumers.
 */
public record Actor(String personId, Set<String> roles, String unitCode, String territory) {

    public Actor(String personId, Set<String> roles, String unitCode) {
        this(personId, roles, unitCode, null);
    }

    public static Actor system() {
        return new Actor("routing-service", Set.of(), null, null);
    }

    /** Whether a place (county, town; either may be null) lies in this actor's territory; city-wide covers all. */
    public boolean covers(String countyCode, String townCode) {
        if (territory == null) {
            return true;
        }
        return territory.length() == 6 ? territory.equals(countyCode) : territory.equals(townCode);
    }

    /**
     * Kept to their unit: a handler without any role that sees beyond it (other values in {@code groups}, such as an
     * identity provider's default roles, do not lift the scope).
     */
    public boolean onlyHandler() {
        return roles.contains(cn.hotline.support.security.Roles.HANDLER) && !hasAny(Set.of(cn.hotline.support.security.Roles.DISPATCHER,
                cn.hotline.support.security.Roles.SUPERVISOR, cn.hotline.support.security.Roles.ADMIN,
                cn.hotline.support.security.Roles.OPERATOR));
    }

    public boolean hasAny(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
