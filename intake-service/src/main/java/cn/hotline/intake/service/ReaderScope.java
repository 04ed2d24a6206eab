package cn.hotline.intake.service;

/**
 * Who reads: whether phone/ID show in full, for a handler the unit whose tickets they may see, and for a desk kept
 * to a territory (属地) its county or town code (null: city-wide).
 */
public record ReaderScope(String subject, boolean fullPii, boolean unitRestricted, String unitCode, String territory) {

    public ReaderScope(String subject, boolean fullPii, boolean unitRestricted, String unitCode) {
        this(subject, fullPii, unitRestricted, unitCode, null);
    }

    /** Whether a ticket placed in {@code countyCode}/{@code townCode} lies in the reader's territory. */
    public boolean covers(String countyCode, String townCode) {
        if (territory == null) {
            return true;
        }
        return territory.length() == 6 ? territory.equals(countyCode) : territory.equals(townCode);
    }
}
