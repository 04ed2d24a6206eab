package cn.hotline.console.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.console.client.IntakeClient;
import cn.hotline.console.client.NotifyClient;
import cn.hotline.console.client.RoutingClient;
import cn.hotline.console.client.SlaClient;
import cn.hotline.console.mapping.Views.Dispatch;
import cn.hotline.console.mapping.Views.HistoryEntry;
import cn.hotline.console.mapping.Views.Notification;
import cn.hotline.console.mapping.Views.Ticket;
import cn.hotline.console.mapping.Views.Timer;
import cn.hotline.console.mapping.Views.TrailEntry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** A ticket's whole story on one screen: intake and its trail, every dispatch with its history, timers, SMS. */
@ApplicationScoped
public class TicketStory {

    /** One dispatch with its history. */
    public record DispatchStory(Dispatch dispatch, List<HistoryEntry> history) {
    }

    /** Everything known about one ticket; a part that could not be read is empty and named in {@code gaps}. */
    public record Story(Ticket ticket, List<TrailEntry> trail, List<DispatchStory> dispatches, List<Timer> timers,
            List<Notification> notifications, List<cn.hotline.console.mapping.Views.Photo> photos, List<String> gaps) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final IntakeClient intake;
    private final RoutingClient routing;
    private final SlaClient sla;
    private final NotifyClient notify;

    public TicketStory(@RestClient IntakeClient intake, @RestClient RoutingClient routing, @RestClient SlaClient sla,
            @RestClient NotifyClient notify) {
        this.intake = intake;
        this.routing = routing;
        this.sla = sla;
        this.notify = notify;
    }

    public Uni<Story> of(String bearer, String ticketId) {
        List<String> gaps = new java.util.concurrent.CopyOnWriteArrayList<>();
        Uni<List<TrailEntry>> trail = intake.trail(bearer, ticketId).map(TicketStory::trailEntries)
                .onFailure().recoverWithItem(f -> gap(gaps, "受理轨迹"));
        Uni<List<DispatchStory>> dispatches = routing.byTicket(bearer, ticketId)
                .flatMap(list -> list.isEmpty() ? Uni.createFrom().item(List.<DispatchStory>of())
                        : Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(d -> routing
                                .history(bearer, d.id()).onFailure().recoverWithItem(List.of())
                                .map(h -> new DispatchStory(d, h))).collect().asList())
                .onFailure().recoverWithItem(f -> gap(gaps, "派单"));
        Uni<List<Timer>> timers = sla.ticket(bearer, ticketId).map(s -> s.timers())
                .onFailure(f -> f instanceof cn.hotline.console.client.ServiceProblem p && p.status() == 404)
                .recoverWithItem(List.of())
                .onFailure().recoverWithItem(f -> gap(gaps, "时限"));
        Uni<List<Notification>> sms = notify.byTicket(bearer, ticketId).onFailure().recoverWithItem(f -> gap(gaps, "短信记录"));
        Uni<List<cn.hotline.console.mapping.Views.Photo>> photos = routing.photos(bearer, ticketId)
                .onFailure().recoverWithItem(f -> gap(gaps, "现场照片"));
        return intake.ticket(bearer, ticketId).flatMap(ticket -> Uni.combine().all().unis(trail, dispatches, timers, sms, photos)
                .asTuple().map(t -> new Story(ticket, t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4(), t.getItem5(),
                        List.copyOf(gaps))));
    }

    private static <T> List<T> gap(List<String> gaps, String what) {
        gaps.add(what);
        return List.of();
    }

    private static List<TrailEntry> trailEntries(JsonNode node) {
        return JSON.convertValue(node, JSON.getTypeFactory().constructCollectionType(List.class, TrailEntry.class));
    }
}
