package cn.hotline.notify.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.notify.client.DirectorySnapshots.DirectoryUnavailableException;
import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.LevelStatus;
import cn.hotline.notify.domain.Person;
import cn.hotline.notify.domain.RecipientRole;
import cn.hotline.notify.domain.ReminderLadderLevel;
import cn.hotline.notify.domain.ScheduledLevel;
import cn.hotline.notify.domain.TicketContext;
import cn.hotline.notify.domain.TriggerContext;
import cn.hotline.notify.mapping.ReminderLadderMapper;
import cn.hotline.notify.repository.ReminderLadderLevelRepository;
import cn.hotline.notify.repository.ReminderLadderStopRepository;
import cn.hotline.notify.repository.ScheduledLevelRepository;
import cn.hotline.notify.repository.TicketContextRepository;
import cn.hotline.notify.repository.WorkClaimRepository;
import io.smallrye.mutiny.Uni;

/**
 * Fires scheduled levels that are due (by the injected clock), each claimed by one replica: resolves recipients
 * now and sends to each once.
 */
@ApplicationScoped
public class LevelFirer {

    private static final Logger LOG = Logger.getLogger(LevelFirer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScheduledLevelRepository scheduled;
    private final ReminderLadderLevelRepository levels;
    private final ReminderLadderStopRepository stops;
    private final TicketContextRepository contexts;
    private final RecipientResolver recipients;
    private final MessageVariables variables;
    private final FieldLinkText links;
    private final NotificationService notifications;
    private final ObjectMapper json;
    private final Tx tx;
    private final Clock clock;
    private final NotifyConfig config;
    private final WorkClaimRepository claims;
    private final Replica replica;

    public LevelFirer(ScheduledLevelRepository scheduled, ReminderLadderLevelRepository levels, ReminderLadderStopRepository stops,
            TicketContextRepository contexts, RecipientResolver recipients, MessageVariables variables,
            NotificationService notifications, ObjectMapper json, Tx tx, Clock clock, NotifyConfig config,
            WorkClaimRepository claims, Replica replica, FieldLinkText links) {
        this.links = links;
        this.scheduled = scheduled;
        this.levels = levels;
        this.stops = stops;
        this.contexts = contexts;
        this.recipients = recipients;
        this.variables = variables;
        this.notifications = notifications;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
        this.claims = claims;
        this.replica = replica;
    }

    /** Claims and fires the levels due now, batch after batch; returns how many were handled. */
    public int fireDue() {
        int total = 0;
        for (int round = 0; round < 20; round++) {
            int fired = fireDue(config.claimBatch());
            total += fired;
            if (fired < config.claimBatch()) {
                break;
            }
        }
        return total;
    }

    /** Claims at most {@code limit} due levels (no other replica fires them while the claim holds) and fires them. */
    public int fireDue(int limit) {
        UUID token = UUID.randomUUID();
        List<UUID> ids = claims.levels(replica.name(), token, config.claimLease(), clock.instant(), limit);
        if (ids.isEmpty()) {
            return 0;
        }
        tx.run(() -> scheduled.byIds(ids)).forEach(s -> fire(s, token));
        return ids.size();
    }

    private void fire(ScheduledLevel s, UUID token) {
        TriggerContext trigger;
        try {
            trigger = json.readValue(s.context, TriggerContext.class);
        } catch (Exception e) {
            LOG.errorf("scheduled level %s has an unreadable context; cancelled", s.id);
            mark(s, token, LevelStatus.CANCELLED);
            return;
        }
        // One read transaction per level: the chain level, whether the stage was stopped, and the ticket.
        Facts facts = tx.run(() -> levels.findById(s.levelId).flatMap(found -> stops.stopped(trigger.scopes(), s.stage)
                .flatMap(stopped -> (trigger.ticketId() == null ? Uni.createFrom().<TicketContext>nullItem()
                        : contexts.findById(trigger.ticketId())).map(ticket -> new Facts(found, stopped, ticket)))));
        ReminderLadderLevel level = facts.level();
        if (level == null || facts.stopped()) {
            mark(s, token, LevelStatus.CANCELLED);
            return;
        }
        TicketContext ticket = facts.ticket();
        Map<String, String> vars = variables.of(trigger, ticket);
        try {
            for (RecipientRole role : ReminderLadderMapper.roles(level.recipients)) {
                for (Person person : recipients.resolve(role, trigger, ticket)) {
                    send(s, level, role, person, trigger, vars);
                }
            }
        } catch (DirectoryUnavailableException | org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException e) {
            // Nobody to send to yet: try again later; the dedup keys keep whoever was already reached from a second SMS.
            LOG.warnf("level %d of %s waits for the directory: %s", s.level, s.scope, e.getMessage());
            tx.run(() -> scheduled.release(s.id, token, clock.instant().plus(config.directoryRetry())));
            return;
        }
        mark(s, token, LevelStatus.FIRED);
    }

    private void send(ScheduledLevel s, ReminderLadderLevel level, RecipientRole role, Person person, TriggerContext trigger,
            Map<String, String> vars) {
        String replyCode = "DISPATCH_ASSIGNED".equals(level.templateCode) ? String.format("%04d", RANDOM.nextInt(10_000)) : null;
        Map<String, String> own = new java.util.HashMap<>(vars);
        if (replyCode != null) {
            own.put("replyCode", replyCode);
            own.put("link", links.forRecipient(trigger.dispatchId(), person.personId()));
        }
        String key = String.join("|", trigger.ticketId(), s.scope, s.stage, trigger.instance(), String.valueOf(s.level),
                person.personId() != null ? person.personId() : person.phone());
        notifications.send(new NotificationDraft(key, trigger.ticketId(), trigger.dispatchId(), s.scope, s.stage,
                s.level, role.name(), person, level.templateCode, own, trigger.urgent(), replyCode));
    }

    /** What firing a level reads first. */
    private record Facts(ReminderLadderLevel level, boolean stopped, TicketContext ticket) {
    }

    private void mark(ScheduledLevel s, UUID token, LevelStatus status) {
        tx.run(() -> scheduled.finish(s.id, token, status));
    }
}
