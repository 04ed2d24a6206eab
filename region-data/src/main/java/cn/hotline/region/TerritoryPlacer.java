package cn.hotline.region;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Places a ticket in the division tree (属地), the one algorithm of the suite: the most specific code the ticket
 * already carries; else the deepest boundary covering its point; then the address, matched by division names
 * within what is known (town and village boundaries are not public, so names are the only way below the county),
 * refines it when it says something more specific and consistent. {@code resolvedBy} says how: CODE (or what
 * the ticket said), POLYGON, ADDRESS, or either followed by {@code +ADDRESS}.
 */
public final class TerritoryPlacer {

    public static final String CODE = "CODE";
    public static final String POLYGON = "POLYGON";
    public static final String ADDRESS = "ADDRESS";

    /** What a ticket says of its place; any field may be null. */
    public record Query(String countyCode, String townCode, String villageCode, String resolvedBy, Double lat, Double lon,
            String address) {

        public static Query of(Double lat, Double lon, String address) {
            return new Query(null, null, null, null, lat, lon, address);
        }
    }

    /** Where the ticket belongs: its path in the tree (widest first) and how it was found; an empty path if nowhere. */
    public record Placement(List<Division> path, String resolvedBy) {

        public static final Placement NOWHERE = new Placement(List.of(), null);

        public boolean placed() {
            return !path.isEmpty();
        }

        public String code(DivisionLevel level) {
            return path.stream().filter(d -> d.level() == level).map(Division::code).findFirst().orElse(null);
        }
    }

    private final DivisionTree divisions;
    private final Boundaries boundaries;
    private final AddressMatcher addresses;

    public TerritoryPlacer(DivisionTree divisions, Boundaries boundaries) {
        this.divisions = divisions;
        this.boundaries = boundaries;
        this.addresses = new AddressMatcher(divisions);
    }

    public Placement place(Query query) {
        Optional<Division> known = Stream.of(query.villageCode(), query.townCode(), query.countyCode())
                .map(divisions::get).flatMap(Optional::stream).findFirst();
        String by = known.isPresent() ? Objects.requireNonNullElse(query.resolvedBy(), CODE) : null;
        if (known.isEmpty() && query.lat() != null && query.lon() != null) {
            known = boundaries.locate(query.lat(), query.lon()).flatMap(divisions::get);
            by = known.isPresent() ? POLYGON : null;
        }
        Optional<Division> refined = refine(known.orElse(null), query.address());
        if (refined.isPresent()) {
            by = known.isEmpty() ? ADDRESS : by + "+" + ADDRESS;
            known = refined;
        }
        String how = by;
        return known.map(d -> new Placement(divisions.path(d.code()), how)).orElse(Placement.NOWHERE);
    }

    /** The address's deepest division when it is deeper than {@code known} and lies within it. */
    private Optional<Division> refine(Division known, String address) {
        // The matcher names villages at most: a village (or grid) already known cannot be refined, and matching is
        // the costliest part of placing (routing re-places every ticket intake placed).
        if (address == null || address.isBlank()
                || known != null && known.level().compareTo(DivisionLevel.VILLAGE) >= 0) {
            return Optional.empty();
        }
        String county = known == null ? null : divisions.ancestor(known.code(), DivisionLevel.COUNTY).map(Division::code).orElse(null);
        String town = known == null ? null : divisions.ancestor(known.code(), DivisionLevel.TOWN).map(Division::code).orElse(null);
        Optional<Division> found = divisions.get(addresses.match(address, county, town).deepest());
        if (found.isEmpty() || known == null) {
            return found;
        }
        boolean deeper = found.get().level().compareTo(known.level()) > 0;
        boolean within = divisions.path(found.get().code()).stream().anyMatch(d -> d.code().equals(known.code()));
        return deeper && within ? found : Optional.empty();
    }
}
