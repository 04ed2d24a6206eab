package cn.hotline.routing.domain;

/** Someone in a unit; {@code personId} is the JWT subject of their tokens. */
public record Person(String personId, String name, String phone, String unitCode, String role) {
}
