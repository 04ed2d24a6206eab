package cn.hotline.intake.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.region.RegionResources;

/**
 * The division tree (county → town → village) loaded from the CSV, with the name forms an address may use:
 * full names, towns without 镇/乡/街道, villages without 村委会/居委会 (余村村委会 → 余村).
 */
@Singleton
public class DivisionIndex {

    /** One division and the strings that name it in an address. */
    public record Division(String code, String name, String level, String parentCode, List<String> forms) {
    }

    private final Map<String, Division> byCode = new HashMap<>();
    private final List<Division> counties = new ArrayList<>();
    private final List<Division> towns = new ArrayList<>();
    private final List<Division> villages = new ArrayList<>();

    public DivisionIndex(IntakeConfig config) {
        for (String[] row : RegionResources.csv(config.region().divisionsCsv())) {
            Division division = new Division(row[0], row[1], row[2], row[3], forms(row[1], row[2]));
            byCode.put(division.code(), division);
            switch (division.level()) {
                case "county" -> counties.add(division);
                case "town" -> towns.add(division);
                case "village" -> villages.add(division);
                default -> { }
            }
        }
    }

    public Optional<Division> get(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    public List<Division> counties() {
        return counties;
    }

    public List<Division> towns() {
        return towns;
    }

    public List<Division> villages() {
        return villages;
    }

    private static List<String> forms(String name, String level) {
        List<String> forms = new ArrayList<>();
        forms.add(name);
        if ("town".equals(level)) {
            String alias = name.replaceFirst("(街道|镇|乡)$", "");
            if (alias.length() >= 2 && !alias.equals(name)) {
                forms.add(alias);
            }
        } else if ("village".equals(level)) {
            if (name.endsWith("村委会")) {
                forms.add(0, name.substring(0, name.length() - 3));
            } else if (name.endsWith("居委会")) {
                forms.add(0, name.substring(0, name.length() - 3));
            }
        }
        return List.copyOf(forms);
    }
}
