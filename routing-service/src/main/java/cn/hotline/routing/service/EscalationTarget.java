package cn.hotline.routing.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.Person;

/** Who an escalation (提级) goes to: level 1 the county's command centre, higher levels the city's. */
@ApplicationScoped
public class EscalationTarget {

    private final RoutingIndex index;
    private final RoutingConfig config;

    public EscalationTarget(RoutingIndex index, RoutingConfig config) {
        this.index = index;
        this.config = config;
    }

    /** The command centre for the dispatch's escalation level, with its commander on duty at {@code at}. */
    public String describe(Dispatch d, Instant at) {
        OrganisationSnapshot org = index.organisation();
        String territory = d.escalationLevel <= 1 && d.countyCode != null ? d.countyCode
                : org.territory(d.countyCode).map(t -> t.parentCode()).orElse(null);
        return org.unitOf(territory, "COMMAND_CENTRE").map(centre -> {
            List<Person> onDuty = org.onDuty(centre.code(), at, config.zone());
            return centre.name() + (onDuty.isEmpty() ? "" : ", commander on duty " + onDuty.get(0).name()
                    + " (" + onDuty.get(0).personId() + ")");
        }).orElse("command centre not configured");
    }
}
