package cn.hotline.intake.mapping;

/** A catalogue entry as the API lists it. */
public record CategoryView(String code, String name, String parentCode) {
}
