package cn.hotline.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The division tree (city → county → town → village), indexed by code and by level. */
public final class DivisionTree {

    private final Map<String, Division> byCode = new HashMap<>();
    private final Map<DivisionLevel, List<Division>> byLevel = new HashMap<>();
    private final Map<String, List<Division>> byParent = new HashMap<>();

    public DivisionTree(Collection<Division> divisions) {
        for (Division d : divisions) {
            byCode.put(d.code(), d);
            byLevel.computeIfAbsent(d.level(), level -> new ArrayList<>()).add(d);
            if (d.parentCode() != null) {
                byParent.computeIfAbsent(d.parentCode(), parent -> new ArrayList<>()).add(d);
            }
        }
    }

    /** The region's tree from a division CSV ({@code code,name,level,parent_code}). */
    public static DivisionTree fromCsv(String resource) {
        List<Division> divisions = new ArrayList<>();
        for (String[] row : RegionResources.csv(resource)) {
            divisions.add(new Division(row[0].trim(), row[1].trim(), DivisionLevel.parse(row[2]),
                    row.length > 3 && !row[3].isBlank() ? row[3].trim() : null));
        }
        return new DivisionTree(divisions);
    }

    public Optional<Division> get(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public List<Division> at(DivisionLevel level) {
        return byLevel.getOrDefault(level, List.of());
    }

    /** The divisions directly under {@code code}, in the order they were given; empty for a leaf or an unknown code. */
    public List<Division> children(String code) {
        return byParent.getOrDefault(code, List.of());
    }

    /** {@code code} and its ancestors, widest first; empty for an unknown code. */
    public List<Division> path(String code) {
        List<Division> path = new ArrayList<>();
        for (Division d = byCode.get(code); d != null && path.size() <= byCode.size(); d = byCode.get(d.parentCode())) {
            path.add(0, d);
        }
        return path;
    }

    /** The division of {@code level} on {@code code}'s path (itself included). */
    public Optional<Division> ancestor(String code, DivisionLevel level) {
        return path(code).stream().filter(d -> d.level() == level).findFirst();
    }
}
