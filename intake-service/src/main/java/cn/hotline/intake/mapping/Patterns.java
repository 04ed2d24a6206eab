package cn.hotline.intake.mapping;

/** Validation patterns shared by the request records. */
public final class Patterns {

    /** Mainland mobile (1[3-9] + 9 digits) or landline with area code (0572-1234567, 05721234567). */
    public static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";
    public static final String PHONE_MESSAGE = "must be a mainland mobile (1[3-9] + 9 digits) or a landline such as 0572-1234567";
    public static final String ID_NUMBER = "^\\d{17}[\\dXx]$";
    /** Free text: no control characters except line breaks and tabs. */
    public static final String TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    public static final String TEXT_MESSAGE = "must not contain control characters";
    /** One line: no control characters at all. */
    public static final String LINE = "^[^\\x00-\\x1F\\x7F]*$";
    public static final String LINE_MESSAGE = "must be one line without control characters";

    private Patterns() {
    }
}
