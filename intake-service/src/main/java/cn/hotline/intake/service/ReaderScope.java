package cn.hotline.intake.service;

import cn.hotline.support.security.Territory;

/**
 * Who reads: whether phone/ID show in full, for a handler the unit whose tickets they may see, and for a desk kept
 * to a territory (属地) its county or town code (null: city-wide).
 */
public record ReaderScope(String subject, boolean fullPii, boolean unitRestricted, String unitCode, Territory territory) {

    public ReaderScope(String subject, boolean fullPii, boolean unitRestricted, String unitCode) {
        this(subject, fullPii, unitRestricted, unitCode, Territory.CITY);
    }
}
