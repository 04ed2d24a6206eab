package cn.hotline.events.payload;

/** Where a ticket is placed: division codes (GB/T 2260 and statistical codes) and how they were found. */
public record TerritoryRef(String countyCode, String townCode, String villageCode, String resolvedBy) {
}
