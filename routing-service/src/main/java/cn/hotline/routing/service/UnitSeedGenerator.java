package cn.hotline.routing.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hotline.routing.domain.Territory;
import cn.hotline.routing.domain.TerritoryLevel;
import cn.hotline.routing.mapping.UnitImport;

/**
 * Turns the unit seed rules (seed/units.yaml) and the territory tree into concrete unit imports: the
 * city's units, every county's departments, every town/street government and every village/community
 * committee, each with generated staff and roster.
 */
@ApplicationScoped
public class UnitSeedGenerator {

    /** Generates unit imports for every territory of {@code org} that a rule group applies to. */
    public List<UnitImport> generate(JsonNode seed, OrganisationSnapshot org) {
        List<UnitImport> units = new ArrayList<>();
        int[] counter = {0};
        List<Territory> all = org.territories().stream().sorted(java.util.Comparator.comparing(Territory::code)).toList();
        for (Territory t : all) {
            String group = t.level().code();
            if (!seed.has(group)) {
                continue;
            }
            Map<String, String> vars = variables(t, org, seed.path("villageNames"));
            for (JsonNode rule : seed.path(group)) {
                units.add(unit(rule, t, vars, seed, counter));
            }
        }
        return units;
    }

    private UnitImport unit(JsonNode rule, Territory territory, Map<String, String> vars, JsonNode seed, int[] counter) {
        String code = fill(rule.path("code").asText(), vars);
        String name = fill(pick(rule.path("name"), territory.name()), vars);
        List<String> phones = new ArrayList<>();
        rule.path("phones").forEach(p -> phones.add(p.asText()));
        if (phones.isEmpty()) {
            phones.add(FakePeople.landline(counter[0]));
        }
        JsonNode staff = rule.path("staff");
        if (staff.isTextual()) {
            staff = seed.path("staffProfiles").path(staff.asText());
        }
        List<UnitImport.PersonImport> people = new ArrayList<>();
        List<UnitImport.DutyImport> roster = new ArrayList<>();
        String leader = null;
        int n = 0;
        for (JsonNode member : staff) {
            int index = counter[0]++;
            String personId = code + "-P" + (++n);
            String role = member.path("role").asText("handler");
            people.add(new UnitImport.PersonImport(personId, FakePeople.name(index), FakePeople.mobile(index), role));
            if ("leader".equals(role) && leader == null) {
                leader = personId;
            }
            if (member.hasNonNull("shift")) {
                JsonNode shift = seed.path("shifts").path(member.path("shift").asText());
                roster.add(new UnitImport.DutyImport(personId, shift.path("days").asText(), shift.path("from").asText(),
                        shift.path("to").asText()));
            }
        }
        return new UnitImport(code, name, rule.path("kind").asText(), null, territory.code(), phones, leader,
                leader == null ? List.of() : List.of(leader), people, roster);
    }

    private static Map<String, String> variables(Territory t, OrganisationSnapshot org, JsonNode villageNames) {
        Map<String, String> vars = new java.util.HashMap<>();
        for (Territory step : org.path(t.code())) {
            String level = step.level().code();
            vars.put(level, step.name());
            vars.put(level + "Code", step.code());
            if (step.level() == TerritoryLevel.COUNTY) {
                vars.put("countyShort", step.name().length() > 2 ? step.name().replaceAll("[县区]$", "") : step.name());
            }
        }
        if (t.level() == TerritoryLevel.VILLAGE) {
            vars.put("villageName", fill(pick(villageNames, t.name()), vars));
        }
        return vars;
    }

    /** A template, or from a map of suffix → template the first whose suffix ends {@code territoryName}. */
    private static String pick(JsonNode name, String territoryName) {
        if (!name.isObject()) {
            return name.asText();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = name.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (territoryName.endsWith(entry.getKey())) {
                return entry.getValue().asText();
            }
        }
        return territoryName;
    }

    private static String fill(String template, Map<String, String> vars) {
        String result = template;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            result = result.replace("{" + v.getKey() + "}", v.getValue());
        }
        return result;
    }
}
