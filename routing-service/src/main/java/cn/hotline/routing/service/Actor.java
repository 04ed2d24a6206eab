package cn.hotline.routing.service;

import java.util.Set;

import cn.hotline.support.security.Territory;

/**
 * Who performs an action: JWT subject (personId), roles, a handler's unit, and the territory (a county or town
 * code) a desk is kept to, null for city-wide; {@code system} for consumers.
 */
public record Actor(String personId, Set<String> roles, String unitCode, Territory territory) {

    public Actor(String personId, Set<String> roles, String unitCode) {
        this(personId, roles, unitCode, Territory.CITY);
    }

    public static Actor system() {
        return new Actor("routing-service", Set.of(), null, Territory.CITY);
    }

    /** Kept to their unit ({@link cn.hotline.support.security.Roles#onlyHandler}). */
    public boolean onlyHandler() {
        return cn.hotline.support.security.Roles.onlyHandler(roles);
    }

    public boolean hasAny(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
