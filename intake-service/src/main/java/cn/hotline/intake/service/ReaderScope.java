package cn.hotline.intake.service;

import cn.hotline.support.security.Territory;

/**
 * Who reads: whether phone/ID show in full, for a handler the unit whose tickets they may see, for a desk kept to a
 * territory (属地) its county or town code (null: city-wide), and the role a full read is recorded under.
 */
public record ReaderScope(String subject, boolean fullPii, boolean unitRestricted, String unitCode, Territory territory, String role) {

    public ReaderScope(String subject, boolean fullPii, boolean unitRestricted, String unitCode, Territory territory) {
        this(subject, fullPii, unitRestricted, unitCode, territory, null);
    }

    public ReaderScope(String subject, boolean fullPii, boolean unitRestricted, String unitCode) {
        this(subject, fullPii, unitRestricted, unitCode, Territory.CITY);
    }
}
