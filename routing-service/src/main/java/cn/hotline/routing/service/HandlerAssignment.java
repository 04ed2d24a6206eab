package cn.hotline.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.config.AssignmentConfig;
import cn.hotline.routing.config.AssignmentConfig.Policy;
import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.Person;
import cn.hotline.routing.repository.HandlerLoadRepository;
import cn.hotline.routing.repository.HandlerLoadRepository.Load;
import io.smallrye.mutiny.Uni;

/**
 * Chooses the handler of a dispatch among the people on duty in its lead unit, by the configured policy
 * ({@code hotline.routing.assignment.policy}); counts come from the dispatch table in the caller's session, so
 * every replica sees the same numbers and nothing has to be kept in step with dispatch state changes.
 */
@ApplicationScoped
public class HandlerAssignment {

    private final RoutingIndex index;
    private final HandlerLoadRepository loads;
    private final RoutingConfig routing;
    private final AssignmentConfig config;

    public HandlerAssignment(RoutingIndex index, HandlerLoadRepository loads, RoutingConfig routing,
            AssignmentConfig config) {
        this.index = index;
        this.loads = loads;
        this.routing = routing;
        this.config = config;
    }

    /** The chosen handler (null: nobody on duty) and the explanation line saying why. */
    public record Choice(String handlerId, String why) {
    }

    /** Sets the handler of a dispatch that has a lead unit, and says why in its explanation. */
    public Uni<Void> assign(Dispatch d, Instant at) {
        if (d.leadUnitCode == null) {
            return Uni.createFrom().voidItem();
        }
        return choose(d.leadUnitCode, at).invoke(choice -> {
            d.handlerId = choice.handlerId();
            List<String> explanation = new ArrayList<>(d.explanation);
            explanation.add(choice.why());
            d.explanation = explanation;
        }).replaceWithVoid();
    }

    /** The decision with its handler chosen (a MANUAL decision is returned as it is). */
    public Uni<Decision> assign(Decision decision, Instant at) {
        if (!decision.placed()) {
            return Uni.createFrom().item(decision);
        }
        return choose(decision.lead().unitCode(), at).map(choice -> decision.withHandler(choice.handlerId(), choice.why()));
    }

    public Uni<Choice> choose(String unitCode, Instant at) {
        OrganisationSnapshot org = index.organisation();
        String unitName = org.unit(unitCode).map(u -> u.name()).orElse(unitCode);
        List<Person> onDuty = org.onDuty(unitCode, at, routing.zone());
        if (onDuty.isEmpty()) {
            return Uni.createFrom().item(new Choice(null, "handler: nobody on duty in " + unitName));
        }
        if (onDuty.size() == 1) {
            return Uni.createFrom().item(new Choice(onDuty.get(0).personId(), "handler: " + label(onDuty.get(0))
                    + " on duty (the only one in " + unitName + ")"));
        }
        List<String> ids = onDuty.stream().map(Person::personId).toList();
        Policy policy = config.policy();
        if (policy == Policy.ROUND_ROBIN) {
            return loads.lastHandler(unitCode).map(last -> {
                String id = AssignmentPolicy.pick(policy, ids, Map.of(), last);
                return new Choice(id, "handler: " + label(org, id) + ", round robin among " + ids.size()
                        + " on duty in " + unitName + " (latest handler " + (last == null ? "none" : last) + ")");
            });
        }
        return loads.loads(ids).map(counts -> {
            String id = AssignmentPolicy.pick(policy, ids, counts, null);
            String open = ids.stream().sorted().map(p -> p + " " + counts.getOrDefault(p, new Load(0, null)).open())
                    .collect(Collectors.joining(", "));
            return new Choice(id, "handler: " + label(org, id) + ", least open work among " + ids.size()
                    + " on duty in " + unitName + " (open dispatches: " + open + ")");
        });
    }

    private static String label(OrganisationSnapshot org, String id) {
        return org.person(id).map(HandlerAssignment::label).orElse(id);
    }

    private static String label(Person p) {
        return p.name() + " (" + p.personId() + ")";
    }
}
