package cn.hotline.routing.service;

import java.util.List;

import cn.hotline.routing.domain.Territory;

/** Where a ticket is, as far as it could be found: the path from the city down, and how it was found. */
public record ResolvedTerritory(String countyCode, String townCode, String villageCode, String resolvedBy,
        List<Territory> path) {

    public static ResolvedTerritory unresolved() {
        return new ResolvedTerritory(null, null, null, "UNRESOLVED", List.of());
    }

    public boolean resolved() {
        return countyCode != null;
    }

    /** "湖州市 › 安吉县 › 天荒坪镇 › 余村村委会". */
    public String describe() {
        return path.isEmpty() ? "unresolved" : String.join(" › ", path.stream().map(Territory::name).toList());
    }
}
