package cn.hotline.testsupport;

import java.util.List;

import cn.hotline.support.security.Roles;

/** One caller of the access matrix: its column name in the table and the bearer token it sends (null: none). */
public record AccessIdentity(String name, String token) {

    /** The unit of the matrix's own handler. */
    public static final String OWN_UNIT = "MATRIX-UNIT-A";
    /** A unit nobody in the matrix belongs to but the foreign handler. */
    public static final String FOREIGN_UNIT = "MATRIX-UNIT-B";
    /** The county a foreign-territory dispatcher is kept to (安吉县). */
    public static final String FOREIGN_TERRITORY = "330523";

    /**
     * Every identity, in table column order: no token, three broken tokens, each role of {@link Roles}, a handler of
     * a foreign unit and a dispatcher kept to a foreign territory.
     */
    public static List<AccessIdentity> standard() {
        return List.of(
                new AccessIdentity("anonymous", null),
                new AccessIdentity("expired", TestJwt.expired(Roles.ADMIN)),
                new AccessIdentity("other-issuer", TestJwt.otherIssuer(Roles.ADMIN)),
                new AccessIdentity("tampered", TestJwt.tampered(TestJwt.token(Roles.ADMIN))),
                new AccessIdentity(Roles.OPERATOR, TestJwt.token(Roles.OPERATOR)),
                new AccessIdentity(Roles.DISPATCHER, TestJwt.token(Roles.DISPATCHER)),
                new AccessIdentity(Roles.HANDLER, TestJwt.handler("test-handler-a", OWN_UNIT)),
                new AccessIdentity(Roles.SUPERVISOR, TestJwt.token(Roles.SUPERVISOR)),
                new AccessIdentity(Roles.ADMIN, TestJwt.token(Roles.ADMIN)),
                new AccessIdentity(Roles.SERVICE, TestJwt.token(Roles.SERVICE)),
                new AccessIdentity("handler-foreign-unit", TestJwt.handler("test-handler-b", FOREIGN_UNIT)),
                new AccessIdentity("dispatcher-foreign-territory", TestJwt.inTerritory(Roles.DISPATCHER, FOREIGN_TERRITORY)));
    }
}
