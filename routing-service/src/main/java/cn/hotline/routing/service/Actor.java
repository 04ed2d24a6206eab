package cn.hotline.routing.service;

import java.util.Set;

/** Who performs an action: JWT subject (personId), roles, and a handler's unit; {@code system} for consumers. */
public record Actor(String personId, Set<String> roles, String unitCode) {

    public static Actor system() {
        return new Actor("routing-service", Set.of(), null);
    }

    /** A handler without any role that sees beyond their unit. */
    public boolean onlyHandler() {
        return !roles.isEmpty() && roles.stream().allMatch(cn.hotline.support.security.Roles.HANDLER::equals);
    }

    public boolean hasAny(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
