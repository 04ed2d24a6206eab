package cn.hotline.routing.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.UnitRef;

/** A routing decision as preview answers it: the dispatch it would create, without an id. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DecisionView(String id, String ticketId, String state, String queue, UnitRef lead,
        List<UnitRef> assisting, String handlerId, int escalationLevel, String ruleId, Integer ruleVersion,
        TerritoryRef territory, List<String> explanation) {
}
