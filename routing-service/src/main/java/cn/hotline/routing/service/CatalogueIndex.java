package cn.hotline.routing.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.hotline.routing.domain.RoutingRule;

/**
 * The catalogue indexed by category, then by territory scope: a decision looks up a handful of cells
 * (category chain × territory path), never scans all rules. Each cell is ordered best first: priority,
 * then how many optional conditions the rule sets, then rule id and newest version.
 */
public final class CatalogueIndex {

    static final Comparator<RoutingRule> BEST_FIRST = Comparator.comparingInt(RoutingRule::priority).reversed()
            .thenComparing(Comparator.comparingInt(RoutingRule::specificity).reversed())
            .thenComparing(RoutingRule::ruleId)
            .thenComparing(Comparator.comparingInt(RoutingRule::version).reversed());

    private final Map<String, Map<String, List<RoutingRule>>> cells = new HashMap<>();
    private final Map<String, List<RoutingRule>> versionsById = new HashMap<>();
    private final int size;

    public CatalogueIndex(Collection<RoutingRule> rules) {
        for (RoutingRule rule : rules) {
            cells.computeIfAbsent(rule.categoryCode(), k -> new HashMap<>())
                    .computeIfAbsent(rule.territoryCode(), k -> new ArrayList<>()).add(rule);
            versionsById.computeIfAbsent(rule.ruleId(), k -> new ArrayList<>()).add(rule);
        }
        cells.values().forEach(byTerritory -> byTerritory.values().forEach(list -> list.sort(BEST_FIRST)));
        versionsById.values().forEach(list -> list.sort(Comparator.comparingInt(RoutingRule::version)));
        size = rules.size();
    }

    public static CatalogueIndex empty() {
        return new CatalogueIndex(List.of());
    }

    /** Rule versions for exactly this category and territory scope, best first. */
    public List<RoutingRule> cell(String categoryCode, String territoryCode) {
        return cells.getOrDefault(categoryCode, Map.of()).getOrDefault(territoryCode, List.of());
    }

    /** Every version of a rule, oldest first. */
    public List<RoutingRule> versions(String ruleId) {
        return versionsById.getOrDefault(ruleId, List.of());
    }

    public Collection<List<RoutingRule>> allVersions() {
        return versionsById.values();
    }

    public int size() {
        return size;
    }
}
