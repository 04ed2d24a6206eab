package cn.hotline.region;

import java.util.ArrayList;
import java.util.List;

/**
 * One division (county, town, village …) and the forms an address may name it by: the full name, a town without
 * 镇/乡/街道 (莫干山镇 → 莫干山), a village without 村委会/居委会 (余村村委会 → 余村, written first as the usual form).
 */
public record Division(String code, String name, DivisionLevel level, String parentCode, List<String> forms) {

    public Division(String code, String name, DivisionLevel level, String parentCode) {
        this(code, name, level, parentCode, forms(name, level));
    }

    private static List<String> forms(String name, DivisionLevel level) {
        List<String> forms = new ArrayList<>();
        forms.add(name);
        if (level == DivisionLevel.TOWN) {
            String alias = name.replaceFirst("(街道|镇|乡)$", "");
            if (alias.length() >= 2 && !alias.equals(name)) {
                forms.add(alias);
            }
        } else if (level == DivisionLevel.VILLAGE) {
            String base = name.replaceFirst("(村民委员会|居民委员会|村委会|居委会)$", "");
            if (!base.isEmpty() && !base.equals(name)) {
                forms.add(0, base);
            }
        }
        return List.copyOf(forms);
    }
}
