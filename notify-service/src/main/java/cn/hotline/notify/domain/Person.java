package cn.hotline.notify.domain;

/** A person from routing's directory; the phone is only ever stored to send and never logged unmasked. */
public record Person(String personId, String name, String phone, String unitCode, String role) {
}
