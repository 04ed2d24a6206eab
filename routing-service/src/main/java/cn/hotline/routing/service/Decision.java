package cn.hotline.routing.service;

import java.util.List;

import cn.hotline.events.payload.UnitRef;

/** The outcome of the decision engine: lead and assisting units with the rule and reasons, or MANUAL. */
public record Decision(boolean placed, UnitRef lead, List<UnitRef> assisting, String handlerId, String ruleId,
        Integer ruleVersion, ResolvedTerritory territory, List<String> explanation) {

    public static Decision manual(ResolvedTerritory territory, List<String> explanation) {
        return new Decision(false, null, List.of(), null, null, null, territory, List.copyOf(explanation));
    }
}
