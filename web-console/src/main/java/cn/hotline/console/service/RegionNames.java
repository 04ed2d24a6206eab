package cn.hotline.console.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.region.Division;
import cn.hotline.region.DivisionLevel;
import cn.hotline.region.DivisionTree;

/** Names of the demo region's divisions (region-data's division tree), to show codes as places people know. */
@ApplicationScoped
public class RegionNames {

    private final DivisionTree tree = DivisionTree.fromCsv("hotline/region/huzhou-divisions.csv");

    public String name(String code) {
        if (code == null) {
            return "";
        }
        return tree.get(code).map(Division::name).orElse(code);
    }

    /** "吴兴区 · 织里镇 · 某村" from the codes that are known. */
    public String place(String county, String town, String village) {
        List<String> parts = new ArrayList<>();
        for (String code : new String[] {county, town, village}) {
            if (code != null && !code.isBlank()) {
                parts.add(name(code));
            }
        }
        return String.join(" · ", parts);
    }

    public List<Division> counties() {
        return tree.at(DivisionLevel.COUNTY);
    }

    public List<Division> towns() {
        return tree.at(DivisionLevel.TOWN);
    }
}
