package cn.hotline.console.service;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hotline.console.client.IntakeClient;
import cn.hotline.console.client.RoutingClient;
import cn.hotline.console.client.ServiceProblem;
import cn.hotline.console.mapping.CallForm;
import cn.hotline.console.mapping.Views.Decision;
import cn.hotline.console.mapping.Views.Ticket;
import cn.hotline.console.mapping.Views.TicketPreview;
import io.smallrye.mutiny.Uni;

/** The operator's desk: caller history, the look ahead before submitting, and the idempotent submit. */
@ApplicationScoped
public class IntakeDesk {

    private static final Set<String> CLOSED = Set.of("CLOSED", "MERGED", "TRANSFERRED_OUT");

    /** What submitting would do; {@code problem} when intake refuses the form as it stands. */
    public record Outlook(TicketPreview ticket, Decision routing, ServiceProblem problem) {
    }

    private final IntakeClient intake;
    private final RoutingClient routing;

    public IntakeDesk(@RestClient IntakeClient intake, @RestClient RoutingClient routing) {
        this.intake = intake;
        this.routing = routing;
    }

    /** The caller's tickets, open ones first, newest first within each. */
    public Uni<List<Ticket>> history(String bearer, String phone) {
        return intake.tickets(bearer, phone, null, 50).map(page -> page.items().stream()
                .sorted(Comparator.comparing((Ticket t) -> CLOSED.contains(t.status()))
                        .thenComparing(Ticket::receivedAt, Comparator.reverseOrder()))
                .toList());
    }

    public Uni<Outlook> outlook(String bearer, CallForm form) {
        ObjectNode ticket = form.toTicket();
        return intake.preview(bearer, ticket)
                .flatMap(preview -> routing.preview(bearer, ticket)
                        .map(decision -> new Outlook(preview, decision, null))
                        .onFailure(ServiceProblem.class).recoverWithItem(p -> new Outlook(preview, null, null)))
                .onFailure(ServiceProblem.class).recoverWithItem(p -> new Outlook(null, null, (ServiceProblem) p));
    }

    public Uni<Ticket> submit(String bearer, CallForm form) {
        if (form.key == null || form.key.isBlank()) {
            return Uni.createFrom().failure(new ServiceProblem(400, "表单缺少幂等键", "请刷新页面后重新提交", List.of()));
        }
        return intake.create(bearer, form.key, form.toTicket());
    }

    public Uni<Ticket> merge(String bearer, String ticketId, String masterTicketId) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("masterTicketId", masterTicketId);
        return intake.merge(bearer, ticketId, body);
    }

    public Uni<Ticket> transferTo110(String bearer, String ticketId, String reason) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("reason", reason == null || reason.isBlank() ? "属警情，移交110" : reason);
        return intake.transferOut(bearer, ticketId, body);
    }
}
