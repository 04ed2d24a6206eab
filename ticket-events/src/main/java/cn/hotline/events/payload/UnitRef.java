package cn.hotline.events.payload;

/** A unit of the organisation model, by code and display name. */
public record UnitRef(String unitCode, String unitName) {
}
