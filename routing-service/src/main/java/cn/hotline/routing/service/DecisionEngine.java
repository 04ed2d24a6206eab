package cn.hotline.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.payload.UnitRef;
import cn.hotline.region.Category;
import cn.hotline.routing.domain.RoutingRule;
import cn.hotline.routing.domain.Territory;
import cn.hotline.support.reference.CategoryCopy;

/**
 * Decides lead and assisting units from the in-memory catalogue: for the category and then each of its
 * ancestors (most specific first), for the territory path from the village up to the city (most specific
 * first), the best effective rule whose lead resolves wins. Deterministic: same input, same index, same
 * answer; every step it takes is written into the explanation.
 */
@ApplicationScoped
public class DecisionEngine {

    private final RoutingIndex index;
    private final CategoryCopy categories;

    public DecisionEngine(RoutingIndex index, CategoryCopy categories) {
        this.index = index;
        this.categories = categories;
    }

    /** One ticket to decide for; {@code excludedLeads} are units that returned it (for "the next rule"). */
    public record Input(String categoryCode, String kind, String urgency, ResolvedTerritory territory, Instant at,
            Set<String> excludedLeads) {
    }

    public Decision decide(Input input) {
        OrganisationSnapshot org = index.organisation();
        CatalogueIndex catalogue = index.catalogue();
        ResolvedTerritory territory = input.territory();
        List<String> why = new ArrayList<>();
        why.add("territory: " + territory.describe() + " (resolved by " + territory.resolvedBy() + ")");
        if (input.categoryCode() == null || input.categoryCode().isBlank()) {
            why.add("no category → MANUAL queue");
            return Decision.manual(territory, why);
        }
        List<Category> chain = categories.current().chain(input.categoryCode());
        if (chain.isEmpty()) {
            why.add("category " + input.categoryCode() + " is not in the catalogue → MANUAL queue");
            return Decision.manual(territory, why);
        }
        why.add("category: " + String.join(" › ", chain.stream().map(c -> c.code() + " " + c.name()).toList()));
        if (!territory.resolved()) {
            why.add("territory unresolved → MANUAL queue");
            return Decision.manual(territory, why);
        }
        List<Territory> upwards = new ArrayList<>(territory.path());
        java.util.Collections.reverse(upwards);
        for (Category category : chain) {
            for (Territory scope : upwards) {
                for (RoutingRule rule : catalogue.cell(category.code(), scope.code())) {
                    if (!rule.effectiveAt(input.at()) || !rule.appliesTo(input.kind(), input.urgency())) {
                        continue;
                    }
                    Optional<Decision> placed = place(rule, category, scope, input, org, why);
                    if (placed.isPresent()) {
                        return placed.get();
                    }
                }
            }
        }
        why.add("no effective rule for " + input.categoryCode() + " in " + territory.describe() + " → MANUAL queue");
        return Decision.manual(territory, why);
    }

    private Optional<Decision> place(RoutingRule rule, Category category, Territory scope, Input input,
            OrganisationSnapshot org, List<String> why) {
        String label = "rule " + rule.ruleId() + " v" + rule.version();
        Optional<UnitExpression.Resolution> lead = UnitExpression.resolve(rule.lead(), input.territory(), org);
        if (lead.isEmpty()) {
            why.add(label + " skipped: its lead " + rule.lead() + " has no unit for this place");
            return Optional.empty();
        }
        if (input.excludedLeads().contains(lead.get().unit().code())) {
            why.add(label + " skipped: " + lead.get().unit().name() + " returned this ticket");
            return Optional.empty();
        }
        why.add(label + ": " + category.name() + " @ " + scope.name() + " (" + scope.level().code() + ") → "
                + lead.get().unit().name() + " leads" + (rule.description() == null ? "" : " — " + rule.description()));
        why.add("lead " + lead.get().unit().name() + ": " + lead.get().why());
        Map<String, UnitRef> assisting = new LinkedHashMap<>();
        for (String expression : rule.assisting()) {
            Optional<UnitExpression.Resolution> unit = UnitExpression.resolve(expression, input.territory(), org);
            if (unit.isEmpty()) {
                why.add("assisting " + expression + " left out: no unit for this place");
            } else if (!unit.get().unit().code().equals(lead.get().unit().code())
                    && !assisting.containsKey(unit.get().unit().code())) {
                assisting.put(unit.get().unit().code(), new UnitRef(unit.get().unit().code(), unit.get().unit().name()));
                why.add("assisting " + unit.get().unit().name() + ": " + unit.get().why());
            }
        }
        // The handler is chosen among those on duty by HandlerAssignment, which reads the open work.
        return Optional.of(new Decision(true, new UnitRef(lead.get().unit().code(), lead.get().unit().name()),
                List.copyOf(assisting.values()), null, rule.ruleId(), rule.version(), input.territory(),
                List.copyOf(why)));
    }
}
