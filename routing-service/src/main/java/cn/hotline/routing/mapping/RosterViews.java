package cn.hotline.routing.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.hotline.routing.domain.DatedDuty;
import cn.hotline.routing.domain.DutySwap;
import cn.hotline.routing.domain.Person;
import cn.hotline.routing.domain.Unit;
import cn.hotline.routing.service.OrganisationSnapshot;
import cn.hotline.routing.service.UnitRoster;

/** A unit's roster for a date range as the API answers it: real duty per date, exceptions, swaps. */
public final class RosterViews {

    private RosterViews() {
    }

    /** The roster of one unit from {@code from} to {@code to} (inclusive), in the roster's zone. */
    public record RosterView(String unitCode, String unitName, String zone, LocalDate from, LocalDate to,
            List<DayView> days, List<SwapView> swaps) {
    }

    /** One date: the duty starting on it (after dated entries and swaps) and who is off. */
    public record DayView(LocalDate date, List<DutyView> duty, List<OffView> off) {
    }

    /** One stretch of duty; {@code source} is WEEKLY, SHIFT (dated) or CONTACT (a unit without a roster). */
    public record DutyView(String personId, String name, String role, OffsetDateTime starts, OffsetDateTime ends,
            String source, String roster, UUID swapId) {
    }

    /** A person whose weekly duty is removed that date (holiday, or given away in a swap). */
    public record OffView(String personId, String name, String note, UUID swapId) {
    }

    /** A recorded swap (换班): whose duty of which date went to whom, who recorded it, when and why. */
    public record SwapView(UUID id, String unitCode, LocalDate date, String fromPersonId, String fromName,
            String toPersonId, String toName, String moved, String reason, String requestedBy, String recordedBy,
            Instant recordedAt) {
    }

    public static RosterView roster(Unit unit, UnitRoster roster, OrganisationSnapshot org, LocalDate from,
            LocalDate to, ZoneId zone) {
        List<DayView> days = from.datesUntil(to.plusDays(1)).map(date -> new DayView(date,
                roster.occurrences(date).stream().map(o -> new DutyView(o.personId(), name(org, o.personId()),
                        org.person(o.personId()).map(Person::role).orElse(null), at(o.start(), zone), at(o.end(), zone),
                        o.source().name(), o.roster(), o.swapId())).toList(),
                roster.dated(date).stream().filter(e -> e.kind() == DatedDuty.Kind.OFF)
                        .map(e -> new OffView(e.personId(), name(org, e.personId()), e.note(), e.swapId())).toList()))
                .toList();
        List<SwapView> swaps = roster.swaps().stream().filter(s -> !s.date().isBefore(from) && !s.date().isAfter(to))
                .map(s -> swap(s, org)).toList();
        return new RosterView(unit.code(), unit.name(), zone.getId(), from, to, days, swaps);
    }

    public static SwapView swap(DutySwap s, OrganisationSnapshot org) {
        return new SwapView(s.id(), s.unitCode(), s.date(), s.fromPersonId(), name(org, s.fromPersonId()),
                s.toPersonId(), name(org, s.toPersonId()), s.moved(), s.reason(), s.requestedBy(), s.recordedBy(),
                s.recordedAt());
    }

    private static String name(OrganisationSnapshot org, String personId) {
        return org.person(personId).map(Person::name).orElse(null);
    }

    private static OffsetDateTime at(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).toOffsetDateTime();
    }
}
