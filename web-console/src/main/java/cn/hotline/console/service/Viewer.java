package cn.hotline.console.service;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in person of this request: who, which roles, which unit, and the token the services are called with. */
@RequestScoped
public class Viewer {

    public static final String OPERATOR = "operator";
    public static final String DISPATCHER = "dispatcher";
    public static final String HANDLER = "handler";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    public Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The ID token's claims (the principal of a web-app session). */
    private Object claim(String name) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
    }

    /** {@code Bearer <access token>} for the services. */
    public String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token in this session");
        }
        return "Bearer " + token.getToken();
    }

    /** The person id the services know this person by: the access token's subject (a field staff's person id). */
    public String personId() {
        String token = bearer().substring("Bearer ".length());
        String[] parts = token.split("\\.");
        try {
            byte[] payload = java.util.Base64.getUrlDecoder().decode(parts[1]);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path("sub").asText();
        } catch (RuntimeException | java.io.IOException e) {
            return identity.getPrincipal().getName();
        }
    }

    public String displayName() {
        Object name = claim("name");
        return name != null ? name.toString().replace("\"", "") : identity.getPrincipal().getName();
    }

    public String unitCode() {
        Object unit = claim("unit");
        return unit == null ? null : unit.toString().replace("\"", "");
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean canTakeCalls() {
        return is(OPERATOR) || is(SUPERVISOR) || is(ADMIN);
    }

    public boolean canCommand() {
        return is(DISPATCHER) || is(SUPERVISOR) || is(ADMIN);
    }

    /** Where this person starts: the intake form, the board, or their unit's task list. */
    public String home() {
        if (is(OPERATOR)) {
            return "/intake";
        }
        if (is(DISPATCHER) || is(ADMIN)) {
            return "/board";
        }
        if (is(SUPERVISOR)) {
            return "/cockpit";
        }
        return "/tasks";
    }
}
