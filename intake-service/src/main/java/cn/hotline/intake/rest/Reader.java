package cn.hotline.intake.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hotline.intake.service.ReaderScope;
import cn.hotline.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Builds what the service needs to know about the caller of a read: full PII or not, handler unit, desk territory. */
final class Reader {

    private Reader() {
    }

    static ReaderScope of(SecurityIdentity identity) {
        boolean fullPii = identity.hasRole(Roles.OPERATOR) || identity.hasRole(Roles.SUPERVISOR);
        boolean broad = fullPii || identity.hasRole(Roles.DISPATCHER) || identity.hasRole(Roles.ADMIN);
        String unit = null;
        String territory = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(broad ? Roles.TERRITORY_CLAIM : Roles.UNIT_CLAIM);
            String value = claim == null ? null : claim.toString().replace("\"", "");
            if (broad) {
                territory = value;
            } else {
                unit = value;
            }
        }
        return new ReaderScope(identity.getPrincipal().getName(), fullPii, !broad, unit, territory);
    }
}
