package cn.hotline.notify.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.mapping.NotificationView;
import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.notify.repository.TicketContextRepository;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Territory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The notification audit log, and the explicit acknowledgement that stops a stage's later levels. */
@ApplicationScoped
public class NotificationLogService {

    private final NotificationRepository notifications;
    private final TicketContextRepository tickets;
    private final ReminderLadderScheduler ladder;

    public NotificationLogService(NotificationRepository notifications, TicketContextRepository tickets,
            ReminderLadderScheduler ladder) {
        this.notifications = notifications;
        this.tickets = tickets;
        this.ladder = ladder;
    }

    /**
     * Every notification of a ticket, oldest first; for a desk kept to a territory only a ticket placed there
     * (another's, or one whose place notify does not know, shows an empty log like a ticket with none).
     */
    public Uni<List<NotificationView>> byTicket(String ticketId, Territory territory) {
        return Panache.withSession(() -> visible(ticketId, territory).flatMap(visible -> !visible
                ? Uni.createFrom().item(List.<NotificationView>of())
                : notifications.byTicket(ticketId).map(list -> list.stream().map(NotificationView::of).toList())));
    }

    private Uni<Boolean> visible(String ticketId, Territory territory) {
        if (territory.cityWide()) {
            return Uni.createFrom().item(true);
        }
        return tickets.findById(ticketId).map(c -> c != null && territory.covers(c.countyCode, c.townCode));
    }

    /**
     * Stops the later levels of the notification's stage. {@code recipientOnly}: a handler acknowledges only what
     * was sent to {@code subject}; another person's reminder is answered as missing.
     */
    public Uni<NotificationView> acknowledge(UUID id, boolean recipientOnly, String subject) {
        return Panache.withTransaction(() -> notifications.findById(id).flatMap(n -> {
            if (n == null || (recipientOnly && !Objects.equals(subject, n.recipientId))) {
                return Uni.createFrom().failure(ProblemException.notFound("notification " + id));
            }
            if (n.stage == null || n.scope == null) {
                return Uni.createFrom().failure(ProblemException.unprocessable("notification " + id + " is not part of an escalation"));
            }
            List<String> scopes = n.ticketId == null ? List.of(n.scope) : List.of(n.scope, n.ticketId);
            return ladder.stop(scopes, n.stage, "ACKNOWLEDGED").replaceWith(NotificationView.of(n));
        }));
    }
}
