package cn.hotline.notify.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.notify.client.DirectorySnapshots.DirectoryUnavailableException;
import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.EscalationLevel;
import cn.hotline.notify.domain.Person;
import cn.hotline.notify.domain.RecipientRole;
import cn.hotline.notify.domain.ScheduledLevel;
import cn.hotline.notify.domain.TicketContext;
import cn.hotline.notify.domain.TriggerContext;
import cn.hotline.notify.mapping.EscalationChainMapper;
import cn.hotline.notify.repository.EscalationLevelRepository;
import cn.hotline.notify.repository.EscalationStopRepository;
import cn.hotline.notify.repository.ScheduledLevelRepository;
import cn.hotline.notify.repository.TicketContextRepository;
import io.smallrye.mutiny.Uni;

/** Fires scheduled levels that are due (by the injected clock): resolves recipients now and sends to each once. */
@ApplicationScoped
public class LevelFirer {

    private static final Logger LOG = Logger.getLogger(LevelFirer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScheduledLevelRepository scheduled;
    private final EscalationLevelRepository levels;
    private final EscalationStopRepository stops;
    private final TicketContextRepository contexts;
    private final RecipientResolver recipients;
    private final MessageVariables variables;
    private final NotificationService notifications;
    private final ObjectMapper json;
    private final Tx tx;
    private final Clock clock;
    private final NotifyConfig config;

    public LevelFirer(ScheduledLevelRepository scheduled, EscalationLevelRepository levels, EscalationStopRepository stops,
            TicketContextRepository contexts, RecipientResolver recipients, MessageVariables variables,
            NotificationService notifications, ObjectMapper json, Tx tx, Clock clock, NotifyConfig config) {
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
    }

    /** Fires every level due now; returns how many were handled. */
    public int fireDue() {
        List<ScheduledLevel> due = tx.run(() -> scheduled.due(clock.instant(), 50));
        due.forEach(this::fire);
        return due.size();
    }

    private void fire(ScheduledLevel s) {
        TriggerContext trigger;
        try {
            trigger = json.readValue(s.context, TriggerContext.class);
        } catch (Exception e) {
            LOG.errorf("scheduled level %s has an unreadable context; cancelled", s.id);
            mark(s, ScheduledLevel.CANCELLED);
            return;
        }
        EscalationLevel level = tx.run(() -> levels.findById(s.levelId));
        if (level == null || tx.run(() -> stops.stopped(trigger.scopes(), s.stage))) {
            mark(s, ScheduledLevel.CANCELLED);
            return;
        }
        TicketContext ticket = tx.run(() -> contexts.findById(trigger.ticketId()));
        Map<String, String> vars = variables.of(trigger, ticket);
        try {
            for (RecipientRole role : EscalationChainMapper.roles(level.recipients)) {
                for (Person person : recipients.resolve(role, trigger, ticket)) {
                    send(s, level, role, person, trigger, vars);
                }
            }
        } catch (DirectoryUnavailableException | org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException e) {
            // Nobody to send to yet: try again later; the dedup keys keep whoever was already reached from a second SMS.
            LOG.warnf("level %d of %s waits for the directory: %s", s.level, s.scope, e.getMessage());
            tx.run(() -> scheduled.findById(s.id).invoke(row -> row.dueAt = clock.instant().plus(config.directoryRetry())).replaceWithVoid());
            return;
        }
        mark(s, ScheduledLevel.FIRED);
    }

    private void send(ScheduledLevel s, EscalationLevel level, RecipientRole role, Person person, TriggerContext trigger,
            Map<String, String> vars) {
        String replyCode = "DISPATCH_ASSIGNED".equals(level.templateCode) ? String.format("%04d", RANDOM.nextInt(10_000)) : null;
        Map<String, String> own = new java.util.HashMap<>(vars);
        if (replyCode != null) {
            own.put("replyCode", replyCode);
        }
        String key = String.join("|", trigger.ticketId(), s.scope, s.stage, trigger.instance(), String.valueOf(s.level),
                person.personId() != null ? person.personId() : person.phone());
        notifications.send(new NotificationDraft(key, trigger.ticketId(), trigger.dispatchId(), s.scope, s.stage,
                s.level, role.name(), person, level.templateCode, own, trigger.urgent(), replyCode));
    }

    private void mark(ScheduledLevel s, String status) {
        tx.run(() -> scheduled.findById(s.id).invoke(row -> row.status = status).replaceWith(Uni.createFrom().voidItem()));
    }
}
