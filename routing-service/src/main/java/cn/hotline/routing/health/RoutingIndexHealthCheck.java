package cn.hotline.routing.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import cn.hotline.routing.service.RoutingIndex;

/** Ready only once the in-memory routing index holds a territory tree, units and a catalogue. */
@Readiness
@ApplicationScoped
public class RoutingIndexHealthCheck implements HealthCheck {

    private final RoutingIndex index;

    public RoutingIndexHealthCheck(RoutingIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        int territories = index.organisation().territories().size();
        int units = index.organisation().units().size();
        int rules = index.catalogue().size();
        return HealthCheckResponse.named("routing-index").status(index.isReady() && territories > 0 && units > 0 && rules > 0)
                .withData("territories", territories).withData("units", units).withData("ruleVersions", rules)
                .withData("reloads", index.reloads()).build();
    }
}
