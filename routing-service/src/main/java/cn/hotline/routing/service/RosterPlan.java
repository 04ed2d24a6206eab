package cn.hotline.routing.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.hotline.routing.domain.DatedDuty;
import cn.hotline.routing.domain.DutySwap;
import cn.hotline.routing.repository.RosterRepository.PersonDay;
import cn.hotline.support.problem.Problem.FieldError;

/**
 * The dated entries one import leaves behind, worked out in memory from the current snapshot: each touched
 * person-day's entries as a whole, and the swaps to record. Nothing is written until every item applied.
 */
final class RosterPlan {

    private final OrganisationSnapshot org;
    private final String actor;
    private final Instant now;
    private final Map<PersonDay, List<DatedDuty>> days = new LinkedHashMap<>();
    private final List<DutySwap> swaps = new ArrayList<>();

    RosterPlan(OrganisationSnapshot org, String actor, Instant now) {
        this.org = org;
        this.actor = actor;
        this.now = now;
    }

    Map<PersonDay, List<DatedDuty>> days() {
        return days;
    }

    List<DutySwap> swaps() {
        return swaps;
    }

    /** Adds (or, with the same start, replaces) a shift; one the person gave away in a recorded swap stays given. */
    void shift(String unit, String person, LocalDate date, LocalTime starts, LocalTime ends, String roster, String note) {
        List<DatedDuty> entries = entries(unit, person, date);
        if (entries.stream().anyMatch(e -> !e.isShift() && e.swapId() != null && given(unit, date, e.swapId(), starts))) {
            return;
        }
        entries.removeIf(e -> e.isShift() && e.starts().equals(starts));
        entries.add(DatedDuty.shift(unit, person, date, starts, ends, roster, note, null, actor));
    }

    /** Removes the person's weekly duty of the date (their dated shifts of that date stay). */
    void off(String unit, String person, LocalDate date, String reason) {
        List<DatedDuty> entries = entries(unit, person, date);
        entries.removeIf(e -> !e.isShift());
        entries.add(DatedDuty.off(unit, person, date, reason, null, actor));
    }

    /**
     * Gives all duty {@code from} has starting on {@code date} to {@code to}, who keeps their own duty of that date;
     * {@code from} is left with an OFF. Returns null, or the field that is wrong and why (then nothing changed).
     */
    FieldError swap(String unit, LocalDate date, String from, String to, String reason, String requestedBy) {
        List<DatedDuty> fromEntries = entries(unit, from, date);
        List<DatedDuty> given = fromEntries.isEmpty() ? pattern(unit, from, date)
                : fromEntries.stream().filter(DatedDuty::isShift).toList();
        if (given.isEmpty()) {
            return new FieldError("fromPersonId", from + " has no duty on " + date + " in " + unit);
        }
        List<DatedDuty> toEntries = entries(unit, to, date);
        List<DatedDuty> own = toEntries.isEmpty() ? pattern(unit, to, date) : List.of();
        for (DatedDuty g : given) {
            boolean clash = toEntries.stream().anyMatch(e -> e.isShift() && e.starts().equals(g.starts()))
                    || own.stream().anyMatch(e -> e.starts().equals(g.starts()));
            if (clash) {
                return new FieldError("toPersonId", to + " is already on duty from " + g.starts() + " on " + date);
            }
        }
        UUID id = UUID.randomUUID();
        // The taker's weekly duty of that date would be replaced by their first dated entry: keep it as shifts.
        own.forEach(e -> toEntries.add(DatedDuty.shift(unit, to, date, e.starts(), e.ends(), null, "本人原班次", id,
                actor)));
        given.forEach(g -> toEntries.add(DatedDuty.shift(unit, to, date, g.starts(), g.ends(), g.roster(),
                "换班：替 " + from, id, actor)));
        fromEntries.clear();
        fromEntries.add(DatedDuty.off(unit, from, date, "换班：由 " + to + " 替班（" + reason + "）", id, actor));
        String moved = given.stream().map(g -> g.starts() + "–" + g.ends()).collect(Collectors.joining(", "));
        swaps.add(new DutySwap(id, unit, date, from, to, reason, requestedBy, actor, now, moved));
        return null;
    }

    /** Whether a recorded swap moved a shift starting at {@code starts} on {@code date} to someone. */
    private boolean given(String unit, LocalDate date, UUID swapId, LocalTime starts) {
        return org.unitRoster(unit).map(r -> r.dated(date).stream().anyMatch(e -> e.isShift()
                && swapId.equals(e.swapId()) && e.starts().equals(starts))).orElse(false);
    }

    /** Whether the same swap was recorded before (a re-sent import). */
    boolean recorded(String unit, LocalDate date, String from, String to) {
        return org.unitRoster(unit).map(r -> r.swaps().stream().anyMatch(s -> s.date().equals(date)
                && s.fromPersonId().equals(from) && s.toPersonId().equals(to))).orElse(false);
    }

    /** The weekly (or default contact) duty of a person starting on the date, as unsaved shifts. */
    private List<DatedDuty> pattern(String unit, String person, LocalDate date) {
        return org.unitRoster(unit).map(r -> r.pattern(person, date)).orElse(List.of()).stream()
                .map(o -> DatedDuty.shift(unit, person, date, o.start().toLocalTime(), o.end().toLocalTime(), null,
                        null, null, actor))
                .toList();
    }

    private List<DatedDuty> entries(String unit, String person, LocalDate date) {
        return days.computeIfAbsent(new PersonDay(unit, person, date), key -> new ArrayList<>(
                org.unitRoster(unit).map(r -> r.dated(person, date)).orElse(List.of())));
    }
}
