package cn.hotline.routing.rest;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.hotline.routing.service.Actor;
import cn.hotline.support.security.Claims;
import cn.hotline.support.security.Roles;
import cn.hotline.support.security.Territory;

/** The caller of the current request as an {@link Actor}, from the JWT (sub, groups, unit and territory claims). */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken jwt;

    public CurrentActor(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Actor get() {
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        return new Actor(jwt.getSubject(), groups, Claims.string(jwt, Roles.UNIT_CLAIM), Territory.of(jwt));
    }
}
