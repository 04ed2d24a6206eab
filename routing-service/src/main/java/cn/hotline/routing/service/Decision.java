package cn.hotline.routing.service;

import java.util.ArrayList;
import java.util.List;

import cn.hotline.events.payload.UnitRef;

/**
 * The outcome of the decision engine: lead and assisting units with the rule and reasons, or MANUAL. The handler
 * is chosen afterwards among those on duty ({@link HandlerAssignment}), so the engine leaves it null.
 */
public record Decision(boolean placed, UnitRef lead, List<UnitRef> assisting, String handlerId, String ruleId,
        Integer ruleVersion, ResolvedTerritory territory, List<String> explanation) {

    public static Decision manual(ResolvedTerritory territory, List<String> explanation) {
        return new Decision(false, null, List.of(), null, null, null, territory, List.copyOf(explanation));
    }

    /** This decision with {@code handlerId} as its handler and {@code why} added to the explanation. */
    public Decision withHandler(String handlerId, String why) {
        List<String> lines = new ArrayList<>(explanation);
        lines.add(why);
        return new Decision(placed, lead, assisting, handlerId, ruleId, ruleVersion, territory, List.copyOf(lines));
    }
}
