package cn.hotline.routing.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.Territory;
import cn.hotline.routing.domain.TerritoryLevel;

/**
 * Places a ticket in the territory tree: the most specific known code it carries; else the point in the
 * boundary index; then refines town and village from the address text (town and village boundaries are
 * not public, so names are the only way below the county).
 */
@ApplicationScoped
public class TerritoryResolver {

    private final RoutingIndex index;

    public TerritoryResolver(RoutingIndex index) {
        this.index = index;
    }

    public ResolvedTerritory resolve(TerritoryQuery query) {
        OrganisationSnapshot org = index.organisation();
        Optional<Territory> known = Stream.of(query.villageCode(), query.townCode(), query.countyCode())
                .map(org::territory).flatMap(Optional::stream).findFirst();
        String by = known.isPresent() ? (query.resolvedBy() == null ? "CODE" : query.resolvedBy()) : null;
        if (known.isEmpty() && query.lat() != null && query.lon() != null) {
            known = org.boundaries().locate(query.lat(), query.lon());
            by = known.isPresent() ? "POLYGON" : null;
        }
        if (query.address() != null && !query.address().isBlank()) {
            Optional<Territory> refined = refine(org, known.orElse(null), query.address());
            if (refined.isPresent() && (known.isEmpty() || refined.get().level().compareTo(known.get().level()) > 0)) {
                by = known.isEmpty() ? "ADDRESS" : by + "+ADDRESS";
                known = refined;
            }
        }
        if (known.isEmpty()) {
            return ResolvedTerritory.unresolved();
        }
        List<Territory> path = org.path(known.get().code());
        return new ResolvedTerritory(code(path, TerritoryLevel.COUNTY), code(path, TerritoryLevel.TOWN),
                code(path, TerritoryLevel.VILLAGE), by, path);
    }

    /**
     * Walks down from {@code from} (or the top) matching child names in the address, longest name first;
     * each level searches only the text after the previous match ("莫干山镇莫干山居委会").
     */
    private Optional<Territory> refine(OrganisationSnapshot org, Territory from, String address) {
        Territory current = from;
        String rest = address;
        if (current == null) {
            Territory city = org.territories().stream().filter(t -> t.level() == TerritoryLevel.CITY).findFirst()
                    .orElse(null);
            if (city == null) {
                return Optional.empty();
            }
            Optional<Territory> town = best(org.territories().stream()
                    .filter(t -> t.level() == TerritoryLevel.TOWN), address);
            Optional<Territory> county = best(org.children(city.code()).stream(), address);
            current = town.or(() -> county).orElse(null);
            if (current == null) {
                return Optional.empty();
            }
            rest = after(address, current);
        } else {
            for (Territory t : org.path(current.code())) {
                rest = after(rest, t);
            }
        }
        while (current.level().compareTo(TerritoryLevel.VILLAGE) < 0) {
            Optional<Territory> child = best(org.children(current.code()).stream(), rest);
            if (child.isEmpty()) {
                break;
            }
            current = child.get();
            rest = after(rest, current);
        }
        return Optional.of(current);
    }

    private static String after(String text, Territory t) {
        String base = baseName(t.name());
        int at = text.indexOf(base);
        return at < 0 ? text : text.substring(at + base.length());
    }

    private static Optional<Territory> best(Stream<Territory> candidates, String address) {
        return candidates.filter(t -> {
            String base = baseName(t.name());
            return base.length() >= 2 && address.contains(base);
        }).max(Comparator.comparingInt((Territory t) -> baseName(t.name()).length()).thenComparing(Territory::code,
                Comparator.reverseOrder()));
    }

    /** "余村村委会" → "余村", "雅乐社区居委会" → "雅乐社区": the name people write in addresses. */
    static String baseName(String name) {
        return name.replaceAll("(村民委员会|居民委员会|村委会|居委会)$", "");
    }

    private static String code(List<Territory> path, TerritoryLevel level) {
        return path.stream().filter(t -> t.level() == level).map(Territory::code).findFirst().orElse(null);
    }
}
