package cn.hotline.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hotline.console.client.RoutingClient;
import cn.hotline.console.client.ServiceProblem;
import cn.hotline.console.mapping.Views.Dispatch;
import cn.hotline.console.mapping.Views.UnitChoice;
import io.smallrye.mutiny.Uni;

/** The commander's actions on a dispatch, and the units to offer for a MANUAL one (the routing preview's first). */
@ApplicationScoped
public class CommandDesk {

    private final RoutingClient routing;

    public CommandDesk(@RestClient RoutingClient routing) {
        this.routing = routing;
    }

    /** The preview's lead and assistants for this dispatch's facts, then the units of its town and county. */
    public Uni<List<UnitChoice>> choices(String bearer, Dispatch d) {
        ObjectNode ticket = JsonNodeFactory.instance.objectNode();
        ticket.put("kind", d.kind() == null ? "COMPLAINT" : d.kind());
        ticket.put("urgency", d.urgency() == null ? "NORMAL" : d.urgency());
        if (d.categoryCode() != null) {
            ticket.put("categoryCode", d.categoryCode());
        }
        if (d.address() != null) {
            ticket.putObject("location").put("address", d.address());
        }
        if (d.territory() != null && d.territory().countyCode() != null) {
            ObjectNode t = ticket.putObject("territory");
            t.put("countyCode", d.territory().countyCode());
            t.put("townCode", d.territory().townCode());
            t.put("villageCode", d.territory().villageCode());
        }
        String county = d.territory() == null ? null : d.territory().countyCode();
        String town = d.territory() == null ? null : d.territory().townCode();
        Uni<List<UnitChoice>> suggested = routing.preview(bearer, ticket).map(decision -> {
            List<UnitChoice> list = new ArrayList<>();
            if (decision.lead() != null && decision.lead().unitCode() != null) {
                list.add(new UnitChoice(decision.lead().unitCode(), decision.lead().unitName() + "（派单目录建议）", null, null, null));
            }
            return list;
        }).onFailure().recoverWithItem(List.of());
        Uni<List<UnitChoice>> inTown = town == null ? Uni.createFrom().item(List.of())
                : routing.units(bearer, town).onFailure().recoverWithItem(List.of());
        Uni<List<UnitChoice>> inCounty = county == null ? Uni.createFrom().item(List.of())
                : routing.units(bearer, county).onFailure().recoverWithItem(List.of());
        return Uni.combine().all().unis(suggested, inTown, inCounty).asTuple().map(t -> {
            Map<String, UnitChoice> byCode = new LinkedHashMap<>();
            for (List<UnitChoice> list : List.of(t.getItem1(), t.getItem2(), t.getItem3())) {
                list.forEach(u -> byCode.putIfAbsent(u.unitCode(), u));
            }
            return List.copyOf(byCode.values());
        });
    }

    /** Performs {@code action} with the fields the routing API reads for it. */
    public Uni<Dispatch> act(String bearer, String dispatchId, String action, Map<String, String> fields) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            switch (name) {
                case "approved" -> body.put("approved", Boolean.parseBoolean(value));
                case "lat", "lon" -> {
                    try {
                        body.put(name, Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        body.put(name, value);
                    }
                }
                case "assistingUnitCodes" -> {
                    ArrayNode codes = body.putArray(name);
                    for (String code : value.split("[,，\\s]+")) {
                        if (!code.isBlank()) {
                            codes.add(code.strip());
                        }
                    }
                }
                default -> body.put(name, value.strip());
            }
        });
        if (!action.matches("^[a-z-]{2,32}$")) {
            return Uni.createFrom().failure(new ServiceProblem(400, "未知操作", action, List.of()));
        }
        return routing.act(bearer, dispatchId, action, body);
    }
}
