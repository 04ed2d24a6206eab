package cn.hotline.routing.service;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.domain.DutyWindow;
import cn.hotline.routing.domain.Person;
import cn.hotline.routing.domain.Territory;
import cn.hotline.routing.domain.TerritoryLevel;
import cn.hotline.routing.domain.Unit;
import cn.hotline.routing.mapping.ImportResult;
import cn.hotline.routing.mapping.UnitImport;
import cn.hotline.routing.repository.UnitRepository;
import cn.hotline.support.problem.Problem.FieldError;
import cn.hotline.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Imports units with their people and rosters (API and seed alike); validates everything before writing. */
@ApplicationScoped
public class UnitService {

    private final UnitRepository repository;
    private final RoutingIndex index;
    private final IndexRefresher refresher;
    private final Pool pool;

    public UnitService(UnitRepository repository, RoutingIndex index, IndexRefresher refresher, Pool pool) {
        this.repository = repository;
        this.index = index;
        this.refresher = refresher;
        this.pool = pool;
    }

    /** Validates every unit, then writes units, people and rosters in one transaction and tells every replica. */
    public Uni<ImportResult> importUnits(List<UnitImport> imports) {
        OrganisationSnapshot org = index.organisation();
        List<FieldError> errors = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        List<DutyWindow> roster = new ArrayList<>();
        Map<String, String> phoneOwner = new HashMap<>();
        Set<String> unitCodes = new HashSet<>();
        int created = 0;
        for (int i = 0; i < imports.size(); i++) {
            UnitImport in = imports.get(i);
            String at = "[" + i + "]";
            if (in == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (!unitCodes.add(in.unitCode())) {
                errors.add(new FieldError(at + ".unitCode", "appears twice in this import"));
            }
            Territory territory = org.territory(in.territoryCode()).orElse(null);
            if (territory == null) {
                errors.add(new FieldError(at + ".territoryCode", "unknown territory " + in.territoryCode()));
                continue;
            }
            TerritoryLevel level = territory.level();
            if (in.level() != null) {
                try {
                    level = TerritoryLevel.parse(in.level());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(at + ".level", "must be one of city, county, town, village, grid"));
                }
            }
            Set<String> ids = new HashSet<>();
            for (int p = 0; p < in.peopleOrEmpty().size(); p++) {
                UnitImport.PersonImport person = in.peopleOrEmpty().get(p);
                ids.add(person.personId());
                String owner = phoneOwner.putIfAbsent(person.phone(), person.personId());
                String existing = org.personByPhone(person.phone()).map(Person::personId).orElse(person.personId());
                if ((owner != null && !owner.equals(person.personId())) || !existing.equals(person.personId())) {
                    errors.add(new FieldError(at + ".people[" + p + "].phone", "already belongs to another person"));
                }
                people.add(new Person(person.personId(), person.name(), person.phone(), in.unitCode(), person.role()));
            }
            if (in.leaderId() != null && !ids.contains(in.leaderId()) && org.person(in.leaderId()).isEmpty()) {
                errors.add(new FieldError(at + ".leaderId", "unknown person " + in.leaderId()));
            }
            List<String> contacts = in.contactIds() == null ? List.of() : in.contactIds();
            for (int c = 0; c < contacts.size(); c++) {
                if (!ids.contains(contacts.get(c)) && org.person(contacts.get(c)).isEmpty()) {
                    errors.add(new FieldError(at + ".contactIds[" + c + "]", "unknown person " + contacts.get(c)));
                }
            }
            for (int r = 0; r < in.rosterOrEmpty().size(); r++) {
                UnitImport.DutyImport duty = in.rosterOrEmpty().get(r);
                String where = at + ".roster[" + r + "]";
                if (!ids.contains(duty.personId()) && org.person(duty.personId()).isEmpty()) {
                    errors.add(new FieldError(where + ".personId", "unknown person " + duty.personId()));
                }
                try {
                    DutyWindow.parseDays(duty.days());
                    roster.add(new DutyWindow(in.unitCode(), duty.personId(), duty.days(), LocalTime.parse(duty.from()),
                            LocalTime.parse(duty.to())));
                } catch (RuntimeException e) {
                    errors.add(new FieldError(where, e.getMessage()));
                }
            }
            if (org.unit(in.unitCode()).isEmpty()) {
                created++;
            }
            units.add(new Unit(in.unitCode(), in.unitName(), in.kind(), level, in.territoryCode(),
                    in.phones() == null ? List.of() : in.phones(), in.leaderId(), contacts));
        }
        if (imports.isEmpty()) {
            errors.add(new FieldError("$", "no units"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors.subList(0, Math.min(errors.size(), 50))));
        }
        int fresh = created;
        return pool.withTransaction(conn -> repository.save(conn, units, people, roster))
                .call(() -> refresher.changed("units"))
                .map(ignored -> new ImportResult(fresh, units.size() - fresh, 0, List.of()));
    }
}
