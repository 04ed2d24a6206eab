package cn.hotline.intake.service;

/** Who reads: whether phone/ID show in full, and for a handler the unit whose tickets they may see. */
public record ReaderScope(String subject, boolean fullPii, boolean unitRestricted, String unitCode) {
}
