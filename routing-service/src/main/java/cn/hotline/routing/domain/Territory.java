package cn.hotline.routing.domain;

/** One node of the territory tree (属地); {@code boundary} is a GeoJSON geometry when one is known. */
public record Territory(String code, String name, TerritoryLevel level, String parentCode, String boundary) {
}
