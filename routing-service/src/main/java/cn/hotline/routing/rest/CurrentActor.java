package cn.hotline.routing.rest;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hotline.routing.service.Actor;
import cn.hotline.support.security.Roles;

/** The caller of the current request as an {@link Actor}, from the JWT (sub, groups, unit and territory claims). */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken jwt;

    public CurrentActor(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Actor get() {
        Object unit = jwt.getClaim(Roles.UNIT_CLAIM);
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        Object territory = jwt.getClaim(Roles.TERRITORY_CLAIM);
        return new Actor(jwt.getSubject(), groups, unit == null ? null : unit.toString().replace("\"", ""),
                territory == null ? null : territory.toString().replace("\"", ""));
    }
}
