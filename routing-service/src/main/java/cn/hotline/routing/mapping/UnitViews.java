package cn.hotline.routing.mapping;

import java.util.List;

import cn.hotline.routing.domain.DutyWindow;
import cn.hotline.routing.domain.Unit;
import cn.hotline.routing.service.OrganisationSnapshot;
import cn.hotline.support.security.Masking;

/** A unit as the API answers it: its people with masked phones, and its weekly duty windows. */
public final class UnitViews {

    private UnitViews() {
    }

    /** A unit with its people (masked phones) and roster. */
    public record UnitDetail(String unitCode, String unitName, String kind, String level, String territoryCode,
            List<String> phones, String leaderId, List<String> contactIds, List<Member> people, List<Duty> roster) {
    }

    /** A person of the unit, phone masked. */
    public record Member(String personId, String name, String phoneMasked, String role) {
    }

    /** An on-duty window. */
    public record Duty(String personId, String days, String from, String to) {
    }

    public static UnitDetail detail(Unit u, OrganisationSnapshot org) {
        return new UnitDetail(u.code(), u.name(), u.kind(), u.level().code(), u.territoryCode(), u.phones(),
                u.leaderId(), u.contactIds(),
                org.peopleOf(u.code()).stream().map(p -> new Member(p.personId(), p.name(), Masking.phone(p.phone()),
                        p.role())).toList(),
                org.roster(u.code()).stream().map(DutyWindow.class::cast)
                        .map(w -> new Duty(w.personId(), w.days(), w.starts().toString(), w.ends().toString())).toList());
    }
}
