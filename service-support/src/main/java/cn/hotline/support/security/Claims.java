package cn.hotline.support.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reading the suite's own token claims ({@link Roles#UNIT_CLAIM}, {@link Roles#TERRITORY_CLAIM}) the same way everywhere. */
public final class Claims {

    private Claims() {
    }

    /** A string claim of {@code jwt}, unquoted (some issuers hand it over as a JSON string), or null. */
    public static String string(JsonWebToken jwt, String name) {
        Object value = jwt == null ? null : jwt.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
