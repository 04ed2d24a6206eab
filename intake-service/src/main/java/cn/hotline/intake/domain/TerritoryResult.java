package cn.hotline.intake.domain;

import cn.hotline.events.payload.TerritoryRef;

/** Where a ticket is placed and how it was found ({@code POLYGON}, {@code ADDRESS}, {@code POLYGON+ADDRESS}); all null when unresolved. */
public record TerritoryResult(String countyCode, String townCode, String villageCode, String resolvedBy) {

    public static final TerritoryResult UNRESOLVED = new TerritoryResult(null, null, null, null);

    public boolean resolved() {
        return countyCode != null;
    }

    public TerritoryRef toRef() {
        return new TerritoryRef(countyCode, townCode, villageCode, resolvedBy);
    }
}
