package cn.hotline.intake.domain;

/** Flags a ticket carries for the dispatcher and operator. */
public final class TicketFlag {

    public static final String TERRITORY_UNRESOLVED = "TERRITORY_UNRESOLVED";
    public static final String POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE";
    public static final String REPEAT_COMPLAINANT = "REPEAT_COMPLAINANT";
    public static final String POLICE_LINKED = "POLICE_LINKED";

    private TicketFlag() {
    }
}
