package cn.hotline.console.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hotline.console.client.IntakeClient;
import cn.hotline.console.client.RoutingClient;
import cn.hotline.console.client.ServiceProblem;
import cn.hotline.console.client.SlaClient;
import cn.hotline.console.mapping.Views.FieldView;
import cn.hotline.console.mapping.Views.Ticket;
import cn.hotline.console.mapping.Views.Timer;
import io.smallrye.mutiny.Uni;

/** The field staff's page behind a capability link: the dispatch, its ticket (masked), the stage that runs out first. */
@ApplicationScoped
public class FieldDesk {

    /** What the page shows; {@code ticket} and {@code timer} may be missing when their service is away. */
    public record Task(FieldView field, Ticket ticket, Timer timer, String token) {
    }

    private final RoutingClient routing;
    private final IntakeClient intake;
    private final SlaClient sla;
    private final ServiceIdentity identity;
    private final CategoryNames categories;

    public FieldDesk(@RestClient RoutingClient routing, @RestClient IntakeClient intake, @RestClient SlaClient sla,
            ServiceIdentity identity, CategoryNames categories) {
        this.categories = categories;
        this.routing = routing;
        this.intake = intake;
        this.sla = sla;
        this.identity = identity;
    }

    public Uni<Task> task(String token) {
        return routing.field(token).flatMap(field -> identity.bearer().flatMap(bearer -> {
            String ticketId = field.dispatch().ticketId();
            Uni<Ticket> ticket = intake.ticket(bearer, ticketId).onFailure().recoverWithNull();
            Uni<Timer> timer = sla.ticket(bearer, ticketId).map(s -> first(s.timers(), field.dispatch().id()))
                    .onFailure().recoverWithNull();
            return Uni.combine().all().unis(ticket, timer, categories.all(bearer)).asTuple()
                    .map(t -> new Task(field, t.getItem1(), t.getItem2(), token));
        }).onFailure().recoverWithUni(f -> f instanceof ServiceProblem ? Uni.createFrom().failure(f)
                : Uni.createFrom().item(new Task(field, null, null, token))));
    }

    /** The running timer of this dispatch that runs out first. */
    private static Timer first(List<Timer> timers, String dispatchId) {
        return timers.stream().filter(t -> "RUNNING".equals(t.state()) || "PAUSED".equals(t.state()))
                .filter(t -> t.dispatchId() == null || t.dispatchId().equals(dispatchId))
                .min(java.util.Comparator.comparing(Timer::deadline)).orElse(null);
    }

    public Uni<FieldView> act(String token, String action, Map<String, String> fields) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, value) -> {
            if (value == null || value.isBlank() || name.equals("token")) {
                return;
            }
            if (name.equals("lat") || name.equals("lon")) {
                try {
                    body.put(name, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    body.put(name, value);
                }
            } else {
                body.put(name, value.strip());
            }
        });
        return routing.fieldAct(token, action, body);
    }

    public Uni<JsonNode> photo(String token, byte[] bytes) {
        return routing.fieldPhoto(token, bytes);
    }

    /** A signed-in handler opens their own link for a dispatch of their unit (one page for SMS and task list). */
    public Uni<String> ownLink(String bearer, String dispatchId, String personId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("personId", personId);
        return routing.issueLink(bearer, dispatchId, body).map(issued -> issued.path("token").asText());
    }
}
