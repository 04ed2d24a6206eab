package cn.hotline.sla.service;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hotline.sla.domain.TimerEntity;
import cn.hotline.support.security.Claims;
import cn.hotline.support.security.Roles;
import cn.hotline.support.security.Territory;

/**
 * Which timers the caller may read: a handler only their own unit's (lead or assisting stages); a desk (operator,
 * dispatcher, supervisor, admin) those of its territory (属地) when its token names one, else every one. One rule
 * for sla's read paths.
 */
@RequestScoped
public class TimerVisibility {

    private final JsonWebToken jwt;

    public TimerVisibility(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public List<TimerEntity> visible(List<TimerEntity> timers) {
        if (!Roles.onlyHandler(jwt.getGroups())) {
            Territory territory = territory();
            return territory.cityWide() ? timers : timers.stream().filter(t -> territory.covers(t.countyCode, t.townCode)).toList();
        }
        String unit = Claims.string(jwt, Roles.UNIT_CLAIM);
        return timers.stream().filter(t -> unit != null && unit.equals(t.unitCode)).toList();
    }

    /** The territory a desk is kept to; city-wide for a desk without the claim, and for a handler (kept to a unit). */
    public Territory territory() {
        return Roles.onlyHandler(jwt.getGroups()) ? Territory.CITY : Territory.of(jwt);
    }
}
