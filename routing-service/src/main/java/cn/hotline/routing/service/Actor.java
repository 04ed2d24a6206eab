package cn.hotline.routing.service;

import java.util.Set;

/** Who performs an action: JWT subject (personId), roles, and a handler's unit; {@code system} for consumers. */
public record Actor(String personId, Set<String> roles, String unitCode) {

    public static Actor system() {
        return new Actor("routing-service", Set.of(), null);
    }

    public boolean hasAny(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
