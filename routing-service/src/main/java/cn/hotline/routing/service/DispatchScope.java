package cn.hotline.routing.service;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Dispatch;

/**
 * Which dispatches a person may read and act on: a handler only those of their own unit, as lead or assisting
 * unit; a desk (operator, dispatcher, supervisor, admin) those of its territory (属地) when its token names one,
 * else every one. One rule for every path of routing.
 */
@ApplicationScoped
public class DispatchScope {

    public boolean sees(Actor actor, Dispatch dispatch) {
        if (!actor.onlyHandler()) {
            return actor.territory().covers(dispatch.countyCode, dispatch.townCode);
        }
        String unit = actor.unitCode();
        return unit != null && (unit.equals(dispatch.leadUnitCode) || dispatch.hasAssisting(unit));
    }
}
