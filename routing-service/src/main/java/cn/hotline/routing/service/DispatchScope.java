package cn.hotline.routing.service;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Dispatch;

/**
 * Which dispatches a person may read: a handler only those of their own unit, as lead or assisting unit; the
 * desks (operator, dispatcher, supervisor, admin) every one. One rule for every read path of routing.
 */
@ApplicationScoped
public class DispatchScope {

    public boolean sees(Actor actor, Dispatch dispatch) {
        if (!actor.onlyHandler()) {
            return true;
        }
        String unit = actor.unitCode();
        return unit != null && (unit.equals(dispatch.leadUnitCode) || dispatch.hasAssisting(unit));
    }
}
