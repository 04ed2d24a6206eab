package cn.hotline.sla.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.support.security.Roles;

/**
 * Which timers the caller may read: a handler only their own unit's (lead or assisting stages); the desks
 * (operator, dispatcher, supervisor, admin) every one. One rule for sla's read paths.
 */
@RequestScoped
public class TimerVisibility {

    private static final Set<String> DESKS = Set.of(Roles.OPERATOR, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN);

    private final JsonWebToken jwt;

    public TimerVisibility(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public List<TimerEntity> visible(List<TimerEntity> timers) {
        Set<String> groups = jwt.getGroups();
        if (!groups.contains(Roles.HANDLER) || groups.stream().anyMatch(DESKS::contains)) {
            return timers;
        }
        Object claim = jwt.getClaim(Roles.UNIT_CLAIM);
        String unit = claim == null ? null : claim.toString().replace("\"", "");
        return timers.stream().filter(t -> unit != null && unit.equals(t.unitCode)).toList();
    }
}
