package cn.hotline.notify.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.notify.client.DirectorySnapshots.DirectoryUnavailableException;
import cn.hotline.notify.client.RoutingApi;
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

    /**
     * Claims at most {@code limit} due levels (no other replica fires them while the claim holds) and fires them: what
     * they need is read in one transaction for the whole claim, every SMS of the claim is claimed in one, and the
     * levels are marked in one statement per outcome.
     */
    public int fireDue(int limit) {
        UUID token = UUID.randomUUID();
        List<UUID> ids = claims.levels(replica.name(), token, config.claimLease(), clock.instant(), limit);
        if (ids.isEmpty()) {
            return 0;
        }
        Claimed claimed = tx.run(() -> scheduled.byIds(ids).flatMap(this::facts));
        List<UUID> fired = new ArrayList<>();
        List<UUID> cancelled = new ArrayList<>();
        List<NotificationDraft> drafts = new ArrayList<>();
        for (ScheduledLevel s : claimed.levels()) {
            switch (fire(s, token, claimed, drafts)) {
                case FIRED -> fired.add(s.id);
                case CANCELLED -> cancelled.add(s.id);
                case RELEASED -> { }
            }
        }
        notifications.sendAll(withLinks(drafts));
        tx.run(() -> scheduled.finishAll(fired, token, LevelStatus.FIRED)
                .chain(() -> scheduled.finishAll(cancelled, token, LevelStatus.CANCELLED)));
        return ids.size();
    }

    /** The claimed levels with their chain levels, the stopped stages of their scopes and their tickets. */
    private Uni<Claimed> facts(List<ScheduledLevel> claimedLevels) {
        Map<UUID, TriggerContext> triggers = new HashMap<>();
        Set<Long> levelIds = new HashSet<>();
        Set<String> scopes = new HashSet<>();
        Set<String> ticketIds = new HashSet<>();
        for (ScheduledLevel s : claimedLevels) {
            levelIds.add(s.levelId);
            TriggerContext trigger = read(s);
            if (trigger != null) {
                triggers.put(s.id, trigger);
                scopes.addAll(trigger.scopes());
                if (trigger.ticketId() != null) {
                    ticketIds.add(trigger.ticketId());
                }
            }
        }
        return levels.byIds(levelIds).flatMap(chain -> stops.stoppedAmong(scopes)
                .flatMap(stopped -> contexts.byIds(ticketIds)
                        .map(tickets -> new Claimed(claimedLevels, triggers, chain, stopped, tickets))));
    }

    private TriggerContext read(ScheduledLevel s) {
        try {
            return json.readValue(s.context, TriggerContext.class);
        } catch (Exception e) {
            LOG.errorf("scheduled level %s has an unreadable context; cancelled", s.id);
            return null;
        }
    }

    /** What became of a claimed level. */
    private enum Outcome {
        FIRED, CANCELLED, RELEASED
    }

    /**
     * Adds the level's SMS to {@code drafts} (FIRED), or cancels it (stopped, its chain level gone, its context
     * unreadable), or gives it back to wait for the directory (RELEASED).
     */
    private Outcome fire(ScheduledLevel s, UUID token, Claimed claimed, List<NotificationDraft> drafts) {
        TriggerContext trigger = claimed.triggers().get(s.id);
        ReminderLadderLevel level = claimed.chain().get(s.levelId);
        if (trigger == null || level == null || claimed.stopped(trigger.scopes(), s.stage)) {
            return Outcome.CANCELLED;
        }
        TicketContext ticket = trigger.ticketId() == null ? null : claimed.tickets().get(trigger.ticketId());
        Map<String, String> vars = variables.of(trigger, ticket);
        List<NotificationDraft> own = new ArrayList<>();
        try {
            for (RecipientRole role : ReminderLadderMapper.roles(level.recipients)) {
                for (Person person : recipients.resolve(role, trigger, ticket)) {
                    own.add(draft(s, level, role, person, trigger, vars));
                }
            }
        } catch (DirectoryUnavailableException | org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException e) {
            // Nobody to send to yet: try again later; the dedup keys keep whoever was already reached from a second SMS.
            LOG.warnf("level %d of %s waits for the directory: %s", s.level, s.scope, e.getMessage());
            tx.run(() -> scheduled.release(s.id, token, clock.instant().plus(config.directoryRetry())));
            return Outcome.RELEASED;
        }
        drafts.addAll(own);
        return Outcome.FIRED;
    }

    private NotificationDraft draft(ScheduledLevel s, ReminderLadderLevel level, RecipientRole role, Person person,
            TriggerContext trigger, Map<String, String> vars) {
        String replyCode = "DISPATCH_ASSIGNED".equals(level.templateCode) ? String.format("%04d", RANDOM.nextInt(10_000)) : null;
        Map<String, String> own = new java.util.HashMap<>(vars);
        if (replyCode != null) {
            own.put("replyCode", replyCode);
        }
        String key = String.join("|", trigger.ticketId(), s.scope, s.stage, trigger.instance(), String.valueOf(s.level),
                person.personId() != null ? person.personId() : person.phone());
        return new NotificationDraft(key, trigger.ticketId(), trigger.dispatchId(), s.scope, s.stage,
                s.level, role.name(), person, level.templateCode, own, trigger.urgent(), replyCode);
    }

    /** The drafts with a reply code (dispatch SMS) get their field links, all from one call to routing. */
    private List<NotificationDraft> withLinks(List<NotificationDraft> drafts) {
        List<RoutingApi.LinkQuestion> asked = drafts.stream().filter(d -> d.replyCode() != null).map(LevelFirer::linkFor)
                .toList();
        if (asked.isEmpty()) {
            return drafts;
        }
        Map<RoutingApi.LinkQuestion, String> texts = links.forRecipients(asked);
        return drafts.stream().map(d -> d.replyCode() == null ? d : d.withVar("link", texts.getOrDefault(linkFor(d), "。")))
                .toList();
    }

    private static RoutingApi.LinkQuestion linkFor(NotificationDraft d) {
        return new RoutingApi.LinkQuestion(d.dispatchId(), d.person().personId());
    }

    /** What firing a claim reads first: its levels, their triggers, chain levels by id, stopped stages, tickets. */
    private record Claimed(List<ScheduledLevel> levels, Map<UUID, TriggerContext> triggers,
            Map<Long, ReminderLadderLevel> chain, Set<ReminderLadderStopRepository.Stop> stops,
            Map<String, TicketContext> tickets) {

        /** True when {@code stage} (or every stage) is stopped for any of {@code scopes}. */
        boolean stopped(List<String> scopes, String stage) {
            return scopes.stream().anyMatch(scope -> stops.contains(new ReminderLadderStopRepository.Stop(scope, stage))
                    || stops.contains(new ReminderLadderStopRepository.Stop(scope, "*")));
        }
    }
}
