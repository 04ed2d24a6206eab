package cn.hotline.support.security;

/** Masks personal numbers the way every API, event and log line shows them: {@code 138****5678}. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first 3 and last 4 digits of a phone number; shorter numbers keep only the last 2. */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        if (phone.length() >= 11) {
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
        if (phone.length() > 4) {
            return "*".repeat(phone.length() - 2) + phone.substring(phone.length() - 2);
        }
        return "*".repeat(phone.length());
    }

    /** Keeps the region prefix (first 4) and the last 4 characters of an ID number. */
    public static String idNumber(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }
}
