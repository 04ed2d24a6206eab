package cn.hotline.routing.service;

/** What a ticket says about its place: codes already resolved by intake, a point, an address. */
public record TerritoryQuery(String countyCode, String townCode, String villageCode, String resolvedBy,
        Double lat, Double lon, String address) {
}
