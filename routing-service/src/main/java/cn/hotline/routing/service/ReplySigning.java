package cn.hotline.routing.service;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchAction;
import cn.hotline.routing.domain.Person;
import cn.hotline.routing.mapping.ActionRequest;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import cn.hotline.support.security.Territory;
import io.smallrye.mutiny.Uni;

/**
 * Signs a dispatch for a handler who replied to its SMS: notify-service relays the reply with its own identity, the
 * handler (from routing's directory, with their unit) is the actor, and the note says it came by SMS through the
 * relay. The same table and unit rule as a sign in the console apply.
 */
@ApplicationScoped
public class ReplySigning {

    private final RoutingIndex index;
    private final DispatchWorkflow workflow;

    public ReplySigning(RoutingIndex index, DispatchWorkflow workflow) {
        this.index = index;
        this.workflow = workflow;
    }

    public Uni<Dispatch> sign(UUID dispatchId, String personId, String note, Actor relay) {
        Person person = index.organisation().person(personId)
                .orElseThrow(() -> ProblemException.badRequest("personId", "unknown person " + personId));
        Actor handler = new Actor(person.personId(), Set.of(Roles.HANDLER), person.unitCode(), Territory.CITY);
        String said = note == null || note.isBlank() ? "短信回复签收" : note.strip();
        String recorded = said + "（" + person.personId() + " 短信回复，经 " + relay.personId() + " 代为提交）";
        return workflow.perform(dispatchId, DispatchAction.SIGN, handler, ActionRequest.note(recorded));
    }
}
