package cn.hotline.intake.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hotline.intake.service.ReaderScope;
import cn.hotline.support.security.Claims;
import cn.hotline.support.security.Roles;
import cn.hotline.support.security.Territory;
import io.quarkus.security.identity.SecurityIdentity;

/** Builds what the service needs to know about the caller of a read: full PII or not, handler unit, desk territory. */
final class Reader {

    private Reader() {
    }

    static ReaderScope of(SecurityIdentity identity) {
        boolean fullPii = identity.hasRole(Roles.OPERATOR) || identity.hasRole(Roles.SUPERVISOR);
        boolean broad = fullPii || identity.hasRole(Roles.DISPATCHER) || identity.hasRole(Roles.ADMIN);
        String unit = null;
        Territory territory = Territory.CITY;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (broad) {
                territory = Territory.of(jwt);
            } else {
                unit = Claims.string(jwt, Roles.UNIT_CLAIM);
            }
        }
        return new ReaderScope(identity.getPrincipal().getName(), fullPii, !broad, unit, territory, role(identity));
    }

    /** The role a read is recorded under: the strongest the reader holds. */
    private static String role(SecurityIdentity identity) {
        for (String role : new String[] {Roles.SUPERVISOR, Roles.OPERATOR, Roles.ADMIN, Roles.DISPATCHER, Roles.HANDLER, Roles.SERVICE}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return "unknown";
    }
}
