package cn.hotline.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Address text → county/town/village by division names. Never guesses: the longest match wins, a tie is no
 * answer, a short village name (two characters, such as 余村) counts only under its matched town, and a county
 * or town already known (from a polygon or the ticket) filters every candidate.
 */
public final class AddressMatcher {

    /** What the address says; fields are null where it says nothing certain. */
    public record Match(String countyCode, String townCode, String villageCode) {

        /** The most specific code the address gave. */
        public String deepest() {
            return villageCode != null ? villageCode : townCode != null ? townCode : countyCode;
        }
    }

    private static final int MIN_UNIQUE_VILLAGE_LENGTH = 3;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private final DivisionTree divisions;

    public AddressMatcher(DivisionTree divisions) {
        this.divisions = divisions;
    }

    /** Matches {@code address} within {@code knownCounty} and {@code knownTown} (either may be null). */
    public Match match(String address, String knownCounty, String knownTown) {
        String text = address == null ? "" : WHITESPACE.matcher(address).replaceAll("");
        if (text.isEmpty()) {
            return new Match(knownCounty, knownTown, null);
        }
        String county = knownCounty != null ? knownCounty
                : best(text, divisions.at(DivisionLevel.COUNTY), d -> true).map(Division::code).orElse(null);
        // Under a known county only its own towns, under a town only its villages are candidates: every ticket is
        // placed twice (intake, routing), and the scan of all the region's towns and villages was most of placing it.
        Optional<Division> town = knownTown != null ? divisions.get(knownTown)
                : best(text, county == null ? divisions.at(DivisionLevel.TOWN) : divisions.children(county),
                        d -> d.level() == DivisionLevel.TOWN);
        Optional<Division> village;
        if (town.isPresent()) {
            // The town's own name must not count as a village name (织里镇 contains 织里 of 织里居委会).
            village = best(withoutTown(text, town.get()), divisions.children(town.get().code()),
                    d -> d.level() == DivisionLevel.VILLAGE);
        } else {
            village = uniqueVillage(text, county);
            town = village.flatMap(v -> divisions.get(v.parentCode()));
        }
        if (county == null) {
            county = town.map(Division::parentCode).orElse(null);
        }
        return new Match(county, town.map(Division::code).orElse(null), village.map(Division::code).orElse(null));
    }

    private Optional<Division> best(String text, List<Division> candidates, Predicate<Division> allowed) {
        Division best = null;
        int bestLength = 0;
        boolean tie = false;
        for (Division division : candidates) {
            if (!allowed.test(division)) {
                continue;
            }
            int length = longestForm(text, division);
            if (length > bestLength) {
                best = division;
                bestLength = length;
                tie = false;
            } else if (length > 0 && length == bestLength && !best.code().equals(division.code())) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private static String withoutTown(String text, Division town) {
        for (String form : town.forms()) {
            int at = text.indexOf(form);
            if (at >= 0) {
                return text.substring(0, at) + "|" + text.substring(at + form.length());
            }
        }
        return text;
    }

    private Optional<Division> uniqueVillage(String text, String county) {
        List<Division> found = new ArrayList<>();
        int bestLength = 0;
        for (Division village : divisions.at(DivisionLevel.VILLAGE)) {
            if (county != null && !village.parentCode().startsWith(county)) {
                continue;
            }
            int length = longestForm(text, village);
            if (length < MIN_UNIQUE_VILLAGE_LENGTH || length < bestLength) {
                continue;
            }
            if (length > bestLength) {
                found.clear();
                bestLength = length;
            }
            found.add(village);
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static int longestForm(String text, Division division) {
        int longest = 0;
        for (int i = 0; i < division.forms().size(); i++) {
            String form = division.forms().get(i);
            boolean alias = division.level() != DivisionLevel.VILLAGE && i > 0;
            if (form.length() > longest && contains(text, form, alias)) {
                longest = form.length();
            }
        }
        return longest;
    }

    /** An alias (南浔 of 南浔镇) must not be the start of a larger division's name (南浔区). */
    private static boolean contains(String text, String form, boolean alias) {
        int from = 0;
        while (true) {
            int at = text.indexOf(form, from);
            if (at < 0) {
                return false;
            }
            int end = at + form.length();
            if (!alias || end >= text.length() || "区县市".indexOf(text.charAt(end)) < 0) {
                return true;
            }
            from = at + 1;
        }
    }
}
