package cn.hotline.support.security;

/** The roles a JWT's {@code groups} claim may carry; a {@code handler}'s {@code unit} claim names their unit. */
public final class Roles {

    public static final String OPERATOR = "operator";
    public static final String DISPATCHER = "dispatcher";
    public static final String HANDLER = "handler";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** Another service of the suite calling on its own behalf (tokens it mints; no person holds this role). */
    public static final String SERVICE = "service";

    /** The claim that names a handler's unit. */
    public static final String UNIT_CLAIM = "unit";

    /**
     * The claim that keeps a dispatcher or supervisor to one territory (属地): a county code (6 digits) or a town code
     * (9 digits). Without it the person works city-wide.
     */
    public static final String TERRITORY_CLAIM = "territory";

    private Roles() {
    }

    /**
     * Kept to a unit: a handler without any role that sees beyond it (other values in {@code groups}, such as an
     * identity provider's default roles, do not lift the scope). One rule for every service's reads.
     */
    public static boolean onlyHandler(java.util.Set<String> groups) {
        return groups != null && groups.contains(HANDLER)
                && java.util.stream.Stream.of(OPERATOR, DISPATCHER, SUPERVISOR, ADMIN).noneMatch(groups::contains);
    }
}
