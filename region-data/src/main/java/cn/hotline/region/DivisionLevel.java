package cn.hotline.region;

import java.util.Locale;

/** Levels of the division tree (行政区划), from the widest; the region's CSV writes them in lower case. */
public enum DivisionLevel {
    CITY, COUNTY, TOWN, VILLAGE, GRID;

    /** {@code "town"} → TOWN; an unknown level is an IllegalArgumentException. */
    public static DivisionLevel parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
