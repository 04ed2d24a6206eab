package cn.hotline.routing.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.hotline.routing.domain.Person;
import cn.hotline.routing.domain.Unit;
import cn.hotline.routing.service.OrganisationSnapshot;

/** Directory answers (CONTRACTS.md): the only place full phone numbers leave the service. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    /** A person with the full phone number. */
    public record PersonView(String personId, String name, String phone, String unitCode, String role) {
    }

    /** The unit's leader. */
    public record LeaderView(String personId, String name, String phone) {
    }

    /** A unit in the directory. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnitView(String unitCode, String unitName, String level, String territoryCode, LeaderView leader,
            String kind, List<String> phones) {
    }

    public static PersonView person(Person p) {
        return new PersonView(p.personId(), p.name(), p.phone(), p.unitCode(), p.role());
    }

    public static UnitView unit(Unit u, OrganisationSnapshot org) {
        LeaderView leader = org.person(u.leaderId()).map(p -> new LeaderView(p.personId(), p.name(), p.phone()))
                .orElse(null);
        return new UnitView(u.code(), u.name(), u.level().code(), u.territoryCode(), leader, u.kind(), u.phones());
    }
}
