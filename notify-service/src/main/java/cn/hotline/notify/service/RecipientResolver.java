package cn.hotline.notify.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.client.DirectoryApi;
import cn.hotline.notify.client.DirectoryClient;
import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.Person;
import cn.hotline.notify.domain.RecipientRole;
import cn.hotline.notify.domain.TicketContext;
import cn.hotline.notify.domain.TriggerContext;

/** Resolves a recipient role to people at send time through routing's directory (or its Redis snapshot). */
@ApplicationScoped
public class RecipientResolver {

    private final DirectoryClient directory;
    private final NotifyConfig config;
    private final Clock clock;

    public RecipientResolver(DirectoryClient directory, NotifyConfig config, Clock clock) {
        this.directory = directory;
        this.config = config;
        this.clock = clock;
    }

    public List<Person> resolve(RecipientRole role, TriggerContext trigger, TicketContext ticket) {
        String unitCode = trigger.unitCode() != null ? trigger.unitCode() : ticket == null ? null : ticket.unitCode;
        String territory = trigger.territoryCode() != null ? trigger.territoryCode()
                : ticket != null && ticket.countyCode != null ? ticket.countyCode : config.defaultTerritory();
        List<Person> people = switch (role) {
            case HANDLER -> handler(trigger, ticket, unitCode);
            case UNIT_LEADER -> unitCode == null ? List.of()
                    : directory.unit(unitCode).map(DirectoryApi.UnitInfo::leader).map(List::of).orElse(List.of());
            case COMMANDER -> directory.commanders(territory, clock.instant());
            case CASE_LEADER -> ticket == null || ticket.caseLeaderId == null ? List.of()
                    : directory.person(ticket.caseLeaderId).map(List::of).orElse(List.of());
            case SUPERVISOR -> directory.supervisors(territory);
            case STAFF -> staff();
        };
        return people.stream().filter(p -> p != null && p.phone() != null && !p.phone().isBlank()).toList();
    }

    private List<Person> handler(TriggerContext trigger, TicketContext ticket, String unitCode) {
        // An assisting unit's notices go to whoever is on duty there, never to the lead's handler.
        boolean assisting = TriggerContext.assisting(trigger.stage());
        String handlerId = trigger.handlerId() != null ? trigger.handlerId()
                : ticket == null || assisting ? null : ticket.handlerId;
        if (handlerId != null) {
            var person = directory.person(handlerId);
            if (person.isPresent()) {
                return List.of(person.get());
            }
        }
        return unitCode == null ? List.of() : directory.onDuty(unitCode, clock.instant());
    }

    private List<Person> staff() {
        List<Person> people = new ArrayList<>();
        for (String id : config.alertRecipients().orElse(List.of())) {
            directory.person(id.trim()).ifPresent(people::add);
        }
        return people;
    }
}
