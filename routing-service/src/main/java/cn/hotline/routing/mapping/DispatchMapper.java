package cn.hotline.routing.mapping;

import cn.hotline.events.payload.TerritoryRef;
import cn.hotline.events.payload.UnitRef;
import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchTransitions;
import cn.hotline.routing.service.Decision;

/** Dispatch and decision → API records. */
public final class DispatchMapper {

    private DispatchMapper() {
    }

    public static DispatchView toView(Dispatch d) {
        return new DispatchView(d.id.toString(), d.ticketId, d.ticketNumber, d.state().name(), d.queue.name(),
                d.leadUnitCode == null ? null : new UnitRef(d.leadUnitCode, d.leadUnitName),
                d.assisting.stream().map(a -> new DispatchView.AssistingView(a.unitCode(), a.unitName(), a.status(),
                        a.report())).toList(),
                d.handlerId, d.escalationLevel, d.escalationReason, d.explanation, d.ruleId, d.ruleVersion,
                new TerritoryRef(d.countyCode, d.townCode, d.villageCode, d.resolvedBy), d.categoryCode, d.kind,
                d.urgency, d.channel, d.address, d.caseLeaderId,
                d.extensionDuration == null ? null : new DispatchView.ExtensionView(d.extensionPending,
                        d.extensionDuration, d.extensionReason, d.extensionApproved),
                d.returnReasonCode, d.returnNote, d.reviewNote,
                d.previousDispatchId == null ? null : d.previousDispatchId.toString(), d.createdAt, d.updatedAt,
                d.version, DispatchTransitions.allowedActions(d));
    }

    public static DecisionView toView(Decision decision, String ticketId) {
        var t = decision.territory();
        return new DecisionView(null, ticketId, decision.placed() ? "ASSIGNED" : "UNASSIGNED",
                decision.placed() ? "AUTO" : "MANUAL", decision.lead(), decision.assisting(), decision.handlerId(), 0,
                decision.ruleId(), decision.ruleVersion(),
                new TerritoryRef(t.countyCode(), t.townCode(), t.villageCode(), t.resolvedBy()), decision.explanation());
    }
}
