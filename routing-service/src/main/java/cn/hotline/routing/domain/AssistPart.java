package cn.hotline.routing.domain;

/** An assisting unit (协办) of a dispatch and where its part stands: PENDING, SIGNED, REPORTED or RELEASED. */
public record AssistPart(String unitCode, String unitName, String status, String report) {

    public static final String PENDING = "PENDING";
    public static final String SIGNED = "SIGNED";
    public static final String REPORTED = "REPORTED";
    public static final String RELEASED = "RELEASED";

    public static AssistPart pending(String unitCode, String unitName) {
        return new AssistPart(unitCode, unitName, PENDING, null);
    }

    /** Still owes its report: pending or signed. */
    public boolean outstanding() {
        return PENDING.equals(status) || SIGNED.equals(status);
    }

    public AssistPart with(String newStatus, String newReport) {
        return new AssistPart(unitCode, unitName, newStatus, newReport);
    }
}
