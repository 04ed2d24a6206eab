package cn.hotline.support.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The territory (属地) a desk is kept to: a county code (6 digits) or a town code (9 digits) from the token's
 * {@link Roles#TERRITORY_CLAIM}; none means city-wide. One rule for every service's reads, lists and boards.
 */
public record Territory(String code) {

    /** City-wide: no territory claim. */
    public static final Territory CITY = new Territory(null);

    /** The caller's territory from the token (null-safe; a quoted JSON string is unquoted). */
    public static Territory of(JsonWebToken jwt) {
        return new Territory(Claims.string(jwt, Roles.TERRITORY_CLAIM));
    }

    public boolean cityWide() {
        return code == null;
    }

    /** Whether a place (county, town; either may be null) lies in this territory; city-wide covers all. */
    public boolean covers(String countyCode, String townCode) {
        if (code == null) {
            return true;
        }
        return code.length() == 6 ? code.equals(countyCode) : code.equals(townCode);
    }

    /**
     * A list filter (county, town; null = any) narrowed to this territory: the territory replaces an absent filter,
     * and a filter outside it matches nothing ({@link Narrowed#nothing()}).
     */
    public Narrowed narrow(String county, String town) {
        if (code == null) {
            return new Narrowed(county, town, false);
        }
        if (code.length() == 6) {
            return county != null && !county.equals(code) ? new Narrowed(county, town, true) : new Narrowed(code, town, false);
        }
        return town != null && !town.equals(code) ? new Narrowed(county, town, true) : new Narrowed(county, code, false);
    }

    /** A filter after {@link #narrow}: its county and town, or nothing at all. */
    public record Narrowed(String county, String town, boolean nothing) {
    }
}
