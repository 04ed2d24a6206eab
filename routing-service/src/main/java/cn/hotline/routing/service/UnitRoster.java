package cn.hotline.routing.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.hotline.routing.domain.DatedDuty;
import cn.hotline.routing.domain.DutySwap;
import cn.hotline.routing.domain.DutyWindow;

/**
 * One unit's roster resolved to real duty. The rule: every duty belongs to the local date it starts on; for a
 * person and a date, dated entries (shifts and exceptions) replace that person's weekly pattern for that date,
 * and with none the weekly pattern applies. A unit without a weekly roster has its default contacts as its
 * pattern (on duty all day), so dated entries override them the same way.
 */
public final class UnitRoster {

    /** Where an occurrence of duty comes from. */
    public enum Source { WEEKLY, SHIFT, CONTACT }

    /** One stretch of duty of one person, in the roster's local time. */
    public record Occurrence(String personId, LocalDateTime start, LocalDateTime end, Source source, String roster,
            UUID swapId) {

        public boolean covers(LocalDateTime at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    private record Weekly(DutyWindow window, Set<DayOfWeek> days) {
    }

    private final List<Weekly> weekly = new ArrayList<>();
    private final List<String> contacts;
    private final Map<String, Map<LocalDate, List<DatedDuty>>> dated = new HashMap<>();
    private final List<DutySwap> swaps;

    public UnitRoster(List<DutyWindow> windows, List<String> contacts, List<DatedDuty> entries, List<DutySwap> swaps) {
        for (DutyWindow w : windows) {
            weekly.add(new Weekly(w, DutyWindow.parseDays(w.days())));
        }
        this.contacts = windows.isEmpty() ? List.copyOf(contacts) : List.of();
        for (DatedDuty e : entries) {
            dated.computeIfAbsent(e.personId(), k -> new HashMap<>()).computeIfAbsent(e.date(), k -> new ArrayList<>())
                    .add(e);
        }
        this.swaps = swaps.stream().sorted(Comparator.comparing(DutySwap::date).thenComparing(DutySwap::recordedAt))
                .toList();
    }

    /** The dated entries of {@code personId} for {@code date} (empty: the weekly pattern applies). */
    public List<DatedDuty> dated(String personId, LocalDate date) {
        return dated.getOrDefault(personId, Map.of()).getOrDefault(date, List.of());
    }

    /** Every dated entry of the unit for {@code date}. */
    public List<DatedDuty> dated(LocalDate date) {
        List<DatedDuty> all = new ArrayList<>();
        dated.values().forEach(byDate -> all.addAll(byDate.getOrDefault(date, List.of())));
        all.sort(Comparator.comparing(DatedDuty::personId));
        return all;
    }

    public List<DutySwap> swaps() {
        return swaps;
    }

    /** The pattern's duty of {@code personId} starting on {@code date}, ignoring dated entries. */
    public List<Occurrence> pattern(String personId, LocalDate date) {
        List<Occurrence> result = new ArrayList<>();
        for (Weekly w : weekly) {
            if (w.window().personId().equals(personId) && w.days().contains(date.getDayOfWeek())) {
                result.add(weeklyOccurrence(w.window(), date));
            }
        }
        if (contacts.contains(personId)) {
            result.add(new Occurrence(personId, date.atStartOfDay(), date.plusDays(1).atStartOfDay(), Source.CONTACT,
                    null, null));
        }
        return result;
    }

    /** All duty starting on {@code date}: the pattern of people without dated entries that date, then dated shifts. */
    public List<Occurrence> occurrences(LocalDate date) {
        List<Occurrence> result = new ArrayList<>();
        for (Weekly w : weekly) {
            if (w.days().contains(date.getDayOfWeek()) && dated(w.window().personId(), date).isEmpty()) {
                result.add(weeklyOccurrence(w.window(), date));
            }
        }
        for (String contact : contacts) {
            if (dated(contact, date).isEmpty()) {
                result.add(new Occurrence(contact, date.atStartOfDay(), date.plusDays(1).atStartOfDay(), Source.CONTACT,
                        null, null));
            }
        }
        dated(date).stream().filter(DatedDuty::isShift).sorted(Comparator.comparing(DatedDuty::starts))
                .forEach(e -> result.add(new Occurrence(e.personId(), e.start(), e.end(), Source.SHIFT, e.roster(),
                        e.swapId())));
        return result;
    }

    /** Who is on duty at the local date-time {@code at} (duty begun the day before may still run). */
    public List<String> onDuty(LocalDateTime at) {
        Set<String> people = new LinkedHashSet<>();
        for (LocalDate date : List.of(at.toLocalDate().minusDays(1), at.toLocalDate())) {
            occurrences(date).stream().filter(o -> o.covers(at)).forEach(o -> people.add(o.personId()));
        }
        return List.copyOf(people);
    }

    private static Occurrence weeklyOccurrence(DutyWindow w, LocalDate date) {
        LocalTime starts = w.starts();
        return new Occurrence(w.personId(), date.atTime(starts), DatedDuty.endOf(date, starts, w.ends()), Source.WEEKLY,
                null, null);
    }
}
