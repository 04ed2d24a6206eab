package cn.hotline.sla.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.support.security.Roles;

/**
 * Which timers the caller may read: a handler only their own unit's (lead or assisting stages); a desk (operator,
 * dispatcher, supervisor, admin) those of its territory (属地) when its token names one, else every one. One rule
 * for sla's read paths.
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
            String territory = territory();
            return territory == null ? timers : timers.stream().filter(t -> covers(territory, t.countyCode, t.townCode)).toList();
        }
        Object claim = jwt.getClaim(Roles.UNIT_CLAIM);
        String unit = claim == null ? null : claim.toString().replace("\"", "");
        return timers.stream().filter(t -> unit != null && unit.equals(t.unitCode)).toList();
    }

    /** The county (6 digits) or town (9 digits) a desk is kept to; null: city-wide (or a handler). */
    public String territory() {
        Set<String> groups = jwt.getGroups();
        if (groups.contains(Roles.HANDLER) && groups.stream().noneMatch(DESKS::contains)) {
            return null;
        }
        Object claim = jwt.getClaim(Roles.TERRITORY_CLAIM);
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    private static boolean covers(String territory, String countyCode, String townCode) {
        return territory.length() == 6 ? territory.equals(countyCode) : territory.equals(townCode);
    }
}
