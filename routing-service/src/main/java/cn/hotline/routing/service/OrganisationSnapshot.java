package cn.hotline.routing.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hotline.region.Boundaries.Boundary;
import cn.hotline.region.Boundaries;
import cn.hotline.region.Division;
import cn.hotline.region.DivisionLevel;
import cn.hotline.region.DivisionTree;
import cn.hotline.region.TerritoryPlacer;
import cn.hotline.routing.domain.DatedDuty;
import cn.hotline.routing.domain.DutySwap;
import cn.hotline.routing.domain.DutyWindow;
import cn.hotline.routing.domain.Person;
import cn.hotline.routing.domain.Territory;
import cn.hotline.routing.domain.TerritoryLevel;
import cn.hotline.routing.domain.Unit;

/**
 * An immutable, indexed copy of the organisation model: territory tree, units, people, rosters (weekly patterns,
 * dated shifts and exceptions, swaps), boundaries.
 */
public final class OrganisationSnapshot {

    private final Map<String, Territory> territories = new HashMap<>();
    private final Map<String, List<Territory>> children = new HashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Map<String, Unit>> unitByTerritoryAndKind = new HashMap<>();
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Person> peopleByPhone = new HashMap<>();
    private final Map<String, List<Person>> peopleByUnit = new HashMap<>();
    private final Map<String, List<DutyWindow>> roster = new HashMap<>();
    private final Map<String, UnitRoster> rosters = new HashMap<>();
    private final TerritoryPlacer placer;

    public OrganisationSnapshot(List<Territory> territoryList, List<Unit> unitList, List<Person> personList,
            List<DutyWindow> windows) {
        this(territoryList, unitList, personList, windows, List.of(), List.of());
    }

    public OrganisationSnapshot(List<Territory> territoryList, List<Unit> unitList, List<Person> personList,
            List<DutyWindow> windows, List<DatedDuty> datedDuty, List<DutySwap> swaps) {
        for (Territory t : territoryList) {
            territories.put(t.code(), t);
            if (t.parentCode() != null) {
                children.computeIfAbsent(t.parentCode(), k -> new ArrayList<>()).add(t);
            }
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(Territory::code)));
        unitList.stream().sorted(Comparator.comparing(Unit::code)).forEach(u -> {
            units.put(u.code(), u);
            unitByTerritoryAndKind.computeIfAbsent(u.territoryCode(), k -> new HashMap<>()).putIfAbsent(u.kind(), u);
        });
        personList.stream().sorted(Comparator.comparing(Person::personId)).forEach(p -> {
            people.put(p.personId(), p);
            peopleByPhone.put(p.phone(), p);
            peopleByUnit.computeIfAbsent(p.unitCode(), k -> new ArrayList<>()).add(p);
        });
        for (DutyWindow w : windows) {
            roster.computeIfAbsent(w.unitCode(), k -> new ArrayList<>()).add(w);
        }
        Map<String, List<DatedDuty>> datedByUnit = new HashMap<>();
        datedDuty.forEach(e -> datedByUnit.computeIfAbsent(e.unitCode(), k -> new ArrayList<>()).add(e));
        Map<String, List<DutySwap>> swapsByUnit = new HashMap<>();
        swaps.forEach(s -> swapsByUnit.computeIfAbsent(s.unitCode(), k -> new ArrayList<>()).add(s));
        for (Unit u : units.values()) {
            rosters.put(u.code(), new UnitRoster(roster(u.code()), defaultContacts(u),
                    datedByUnit.getOrDefault(u.code(), List.of()), swapsByUnit.getOrDefault(u.code(), List.of())));
        }
        placer = placer(territoryList);
    }

    private static List<String> defaultContacts(Unit unit) {
        return unit.contactIds().isEmpty() && unit.leaderId() != null ? List.of(unit.leaderId()) : unit.contactIds();
    }

    public static OrganisationSnapshot empty() {
        return new OrganisationSnapshot(List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Territory> territory(String code) {
        return Optional.ofNullable(code == null ? null : territories.get(code));
    }

    public List<Territory> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    public Collection<Territory> territories() {
        return territories.values();
    }

    /** The path from the root down to {@code code} (city first). */
    public List<Territory> path(String code) {
        List<Territory> path = new ArrayList<>();
        for (Territory t = territories.get(code); t != null; t = territories.get(t.parentCode())) {
            path.add(0, t);
        }
        return path;
    }

    /** The ancestor-or-self of {@code code} at {@code level}. */
    public Optional<Territory> at(String code, TerritoryLevel level) {
        return path(code).stream().filter(t -> t.level() == level).findFirst();
    }

    /** region-data's placing algorithm over this tree and its boundaries. */
    public TerritoryPlacer placer() {
        return placer;
    }

    private static TerritoryPlacer placer(List<Territory> territories) {
        List<Division> divisions = new ArrayList<>();
        List<Boundary> boundaries = new ArrayList<>();
        for (Territory t : territories) {
            DivisionLevel level = DivisionLevel.valueOf(t.level().name());
            divisions.add(new Division(t.code(), t.name(), level, t.parentCode()));
            if (t.boundary() != null && !t.boundary().isBlank()) {
                boundaries.add(new Boundary(t.code(), level, t.boundary()));
            }
        }
        return new TerritoryPlacer(new DivisionTree(divisions), new Boundaries(boundaries));
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(code == null ? null : units.get(code));
    }

    public Collection<Unit> units() {
        return units.values();
    }

    /** The unit of {@code kind} whose territory is {@code territoryCode} (e.g. the county's 住建局). */
    public Optional<Unit> unitOf(String territoryCode, String kind) {
        return Optional.ofNullable(unitByTerritoryAndKind.getOrDefault(territoryCode, Map.of()).get(kind));
    }

    public Optional<Person> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    public Optional<Person> personByPhone(String phone) {
        return Optional.ofNullable(peopleByPhone.get(phone));
    }

    public List<Person> peopleOf(String unitCode) {
        return peopleByUnit.getOrDefault(unitCode, List.of());
    }

    public boolean hasRoster(String unitCode) {
        return roster.containsKey(unitCode);
    }

    public List<DutyWindow> roster(String unitCode) {
        return roster.getOrDefault(unitCode, List.of());
    }

    /** The unit's roster resolved to real duty (weekly pattern, dated entries, swaps); empty for an unknown unit. */
    public Optional<UnitRoster> unitRoster(String unitCode) {
        return Optional.ofNullable(unitCode == null ? null : rosters.get(unitCode));
    }

    /**
     * Who is on duty in {@code unitCode} at {@code at}, by {@link UnitRoster}'s rule: the weekly roster's people
     * whose window covers that local time (for a unit without a roster, its default contacts or its leader),
     * except where dated shifts and exceptions of that date replace a person's weekly duty.
     */
    public List<Person> onDuty(String unitCode, Instant at, ZoneId zone) {
        UnitRoster unitRoster = rosters.get(unitCode);
        if (unitRoster == null) {
            return List.of();
        }
        return unitRoster.onDuty(LocalDateTime.ofInstant(at, zone)).stream().map(people::get).filter(p -> p != null)
                .toList();
    }
}
