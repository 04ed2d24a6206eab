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

import cn.hotline.routing.domain.DutyWindow;
import cn.hotline.routing.domain.Person;
import cn.hotline.routing.domain.Territory;
import cn.hotline.routing.domain.TerritoryLevel;
import cn.hotline.routing.domain.Unit;

/** An immutable, indexed copy of the organisation model: territory tree, units, people, rosters, boundaries. */
public final class OrganisationSnapshot {

    private final Map<String, Territory> territories = new HashMap<>();
    private final Map<String, List<Territory>> children = new HashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Map<String, Unit>> unitByTerritoryAndKind = new HashMap<>();
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Person> peopleByPhone = new HashMap<>();
    private final Map<String, List<Person>> peopleByUnit = new HashMap<>();
    private final Map<String, List<DutyWindow>> roster = new HashMap<>();
    private final BoundaryIndex boundaries;

    public OrganisationSnapshot(List<Territory> territoryList, List<Unit> unitList, List<Person> personList,
            List<DutyWindow> windows) {
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
        boundaries = new BoundaryIndex(territoryList);
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

    public BoundaryIndex boundaries() {
        return boundaries;
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

    /**
     * Who is on duty in {@code unitCode} at {@code at}: the roster's people whose window covers that local
     * time; for a unit without a roster, its default contacts (or its leader).
     */
    public List<Person> onDuty(String unitCode, Instant at, ZoneId zone) {
        Unit unit = units.get(unitCode);
        if (unit == null) {
            return List.of();
        }
        if (!hasRoster(unitCode)) {
            List<String> ids = unit.contactIds().isEmpty() && unit.leaderId() != null ? List.of(unit.leaderId())
                    : unit.contactIds();
            return ids.stream().map(people::get).filter(p -> p != null).toList();
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return roster(unitCode).stream().filter(w -> w.covers(local)).map(w -> people.get(w.personId()))
                .filter(p -> p != null).distinct().toList();
    }
}
