package cn.hotline.routing.domain;

import java.util.Locale;

/** Levels of the territory tree, from the widest; the division CSV writes them in lower case. */
public enum TerritoryLevel {
    CITY, COUNTY, TOWN, VILLAGE, GRID;

    public static TerritoryLevel parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
