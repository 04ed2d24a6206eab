package cn.hotline.intake.mapping;

import java.util.regex.Pattern;

import cn.hotline.support.security.Masking;

/** Masks phone and ID numbers written inside free text (an operator may type them into the content). */
public final class TextMasking {

    private static final Pattern ID = Pattern.compile("(?<![0-9])([0-9]{4})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[0-9]{2,3}-?)[0-9]{3,4}([0-9]{2,4})(?![0-9])");

    private TextMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = ID.matcher(text).replaceAll("$1**********$2");
        masked = MOBILE.matcher(masked).replaceAll("$1****$2");
        return LANDLINE.matcher(masked).replaceAll("$1****$2");
    }

    public static String phone(String phone) {
        return Masking.phone(phone);
    }
}
