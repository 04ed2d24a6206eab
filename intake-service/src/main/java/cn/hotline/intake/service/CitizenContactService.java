package cn.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.mapping.CitizenContact;
import cn.hotline.intake.mapping.CitizenRequests;
import cn.hotline.intake.mapping.FollowUpRequest;
import cn.hotline.intake.mapping.TicketStatusView;
import cn.hotline.intake.repository.CitizenLinkRepository;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Masking;
import cn.hotline.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The citizen's side of a ticket: the contact notify texts (read at send time), progress links, the SMS survey
 * reply (recorded as the follow-up, closedBy SMS) and opt-outs; the public progress lookup by token.
 */
@ApplicationScoped
public class CitizenContactService {

    private static final Logger LOG = Logger.getLogger(CitizenContactService.class);

    private final TicketRepository tickets;
    private final CitizenLinkRepository links;
    private final ProgressTokens tokens;
    private final CallerKeys callerKeys;
    private final FollowUpService followUps;
    private final TicketQueryService queries;
    private final Clock clock;
    private final PiiReadLog piiReads;

    public CitizenContactService(TicketRepository tickets, CitizenLinkRepository links, ProgressTokens tokens, CallerKeys callerKeys,
            FollowUpService followUps, TicketQueryService queries, Clock clock, PiiReadLog piiReads) {
        this.tickets = tickets;
        this.links = links;
        this.tokens = tokens;
        this.callerKeys = callerKeys;
        this.followUps = followUps;
        this.queries = queries;
        this.clock = clock;
        this.piiReads = piiReads;
    }

    /** The contact at send time (the full phone, so the read is recorded for {@code reader}, role service). */
    public Uni<CitizenContact> contact(UUID ticketId, String reader) {
        return Panache.withTransaction(() -> ticket(ticketId)
                .call(t -> piiReads.record(List.of(t), reader, Roles.SERVICE, "GET /api/v1/citizen/tickets/{id}/contact", true, false))
                .flatMap(t -> optedOut(t).map(out -> new CitizenContact(t.id, t.number, t.status().name(), t.callerPhone, out))));
    }

    /**
     * The contacts of many tickets in one transaction (one PII-read record per ticket for {@code reader}), with a fresh
     * progress token for each ticket asked for one whose caller can be texted; tickets that do not exist are left out.
     */
    public Uni<CitizenRequests.Contacts> contacts(List<CitizenRequests.ContactQuestion> questions, String reader) {
        List<UUID> ids = questions.stream().map(CitizenRequests.ContactQuestion::ticketId).distinct().toList();
        return Panache.withTransaction(() -> tickets.list("id in ?1", ids).flatMap(found -> {
            Map<UUID, Ticket> byId = found.stream().collect(Collectors.toMap(t -> t.id, t -> t));
            List<CitizenRequests.ContactQuestion> known = questions.stream().filter(q -> byId.containsKey(q.ticketId())).toList();
            return piiReads.record(known.stream().map(q -> byId.get(q.ticketId())).toList(), reader, Roles.SERVICE,
                            "POST /api/v1/citizen/contact-batches", true, false)
                    .chain(() -> Multi.createFrom().iterable(known).onItem()
                            .transformToUniAndConcatenate(q -> answer(byId.get(q.ticketId()), q.progressLink()))
                            .collect().asList())
                    .map(CitizenRequests.Contacts::new);
        }));
    }

    private Uni<CitizenRequests.ContactAnswer> answer(Ticket t, boolean progressLink) {
        return optedOut(t).flatMap(out -> {
            if (!progressLink || t.callerPhone == null || out) {
                return Uni.createFrom().item(new CitizenRequests.ContactAnswer(t.id, t.number, t.status().name(),
                        t.callerPhone, out, null));
            }
            String token = tokens.newToken();
            return links.addProgressLink(ProgressTokens.hash(token), t.id, clock.instant())
                    .replaceWith(new CitizenRequests.ContactAnswer(t.id, t.number, t.status().name(), t.callerPhone,
                            false, token));
        });
    }

    /** A fresh progress token for the ticket; only its hash is stored, so each call issues another valid one. */
    public Uni<CitizenRequests.ProgressLink> issueProgressLink(UUID ticketId) {
        String token = tokens.newToken();
        return Panache.withTransaction(() -> ticket(ticketId)
                .flatMap(t -> links.addProgressLink(ProgressTokens.hash(token), t.id, clock.instant())))
                .replaceWith(new CitizenRequests.ProgressLink(token));
    }

    /** The public lookup: the progress of the ticket the token was issued for; a malformed or unknown token finds nothing. */
    public Uni<TicketStatusView> progress(String token) {
        if (!ProgressTokens.wellFormed(token)) {
            throw ProblemException.badRequest("token", "must be the 22-character token of a progress link");
        }
        return Panache.withSession(() -> links.ticketOf(ProgressTokens.hash(token)).flatMap(id -> {
            if (id == null) {
                throw ProblemException.notFound("progress link");
            }
            return ticket(id).flatMap(queries::statusView);
        }));
    }

    /** A survey reply by SMS: the same follow-up record as an operator's call, satisfaction only, closedBy SMS. */
    public Uni<CitizenRequests.SurveyRecorded> surveyReply(UUID ticketId, CitizenRequests.SurveyReply reply) {
        return Panache.withSession(() -> ticket(ticketId).flatMap(t -> {
            if (t.callerPhone == null || !callerKeys.phone(t.callerPhone).equals(callerKeys.phone(reply.phone()))) {
                // Not this ticket's caller: answer as if there were no such survey.
                throw ProblemException.notFound("survey of ticket " + ticketId + " for " + Masking.phone(reply.phone()));
            }
            return followUps.record(t.id, new FollowUpRequest(null, reply.satisfaction(), null, false),
                    FollowUpService.BY_SMS, new ReaderScope(FollowUpService.BY_SMS, false, false, null));
        })).map(view -> new CitizenRequests.SurveyRecorded(view.number(), view.status(), reply.satisfaction().name()));
    }

    /** TD / 退订: the number gets no citizen SMS any more (kept as a pseudonymous key, never the number). */
    public Uni<Void> optOut(CitizenRequests.OptOut request) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> links.optOut(callerKeys.phone(request.phone()), "SMS_REPLY", now))
                .invoke(added -> LOG.infof("SMS opt-out of %s %s", Masking.phone(request.phone()),
                        added == 1 ? "recorded" : "already recorded"))
                .replaceWithVoid();
    }

    private Uni<Boolean> optedOut(Ticket t) {
        if (t.smsOptOut) {
            return Uni.createFrom().item(true);
        }
        return t.callerPhone == null ? Uni.createFrom().item(false) : links.optedOut(callerKeys.phone(t.callerPhone));
    }

    private Uni<Ticket> ticket(UUID id) {
        return tickets.findById(id).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("ticket " + id);
            }
            return t;
        });
    }
}
