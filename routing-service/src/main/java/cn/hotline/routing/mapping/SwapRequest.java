package cn.hotline.routing.mapping;

/** A swap (换班) as {@code POST /api/v1/units/{unitCode}/roster/swaps} takes it (the unit is the path's). */
public record SwapRequest(String date, String fromPersonId, String toPersonId, String reason, String requestedBy) {
}
