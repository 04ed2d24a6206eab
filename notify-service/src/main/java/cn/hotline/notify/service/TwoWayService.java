package cn.hotline.notify.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.notify.client.DirectoryClient;
import cn.hotline.notify.client.RoutingClient;
import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.InboundSms;
import cn.hotline.notify.domain.InboundStatus;
import cn.hotline.notify.domain.Notification;
import cn.hotline.notify.domain.Person;
import cn.hotline.notify.repository.InboundSmsRepository;
import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.notify.repository.WorkClaimRepository;
import cn.hotline.support.problem.Swallowed;
import cn.hotline.support.security.Masking;

/**
 * Two-way SMS: a handler's reply {@code 1} (the newest dispatch sent to them) or {@code QS <code>} (the
 * dispatch with that reply code) becomes a sign on routing on the handler's behalf, then an SMS confirms it.
 * Unknown numbers, codes or dispatches get a short help text. A number not in the directory may be a citizen we
 * texted: {@link CitizenReplies} takes those (survey answers, TD).
 */
@ApplicationScoped
public class TwoWayService {

    private static final Logger LOG = Logger.getLogger(TwoWayService.class);
    private static final Pattern REPLY = Pattern.compile("^(?:1|QS\\s*(\\d{3,8}))$");

    private final InboundSmsRepository inbound;
    private final NotificationRepository notifications;
    private final DirectoryClient directory;
    private final RoutingClient routing;
    private final ReminderLadderScheduler ladder;
    private final NotificationService sender;
    private final Tx tx;
    private final ObjectMapper json;
    private final WorkClaimRepository claims;
    private final Replica replica;
    private final NotifyConfig config;
    private final CitizenReplies citizens;

    public TwoWayService(InboundSmsRepository inbound, NotificationRepository notifications, DirectoryClient directory,
            RoutingClient routing, ReminderLadderScheduler ladder, NotificationService sender, Tx tx,
            ObjectMapper json, WorkClaimRepository claims, Replica replica, NotifyConfig config, CitizenReplies citizens) {
        this.citizens = citizens;
        this.inbound = inbound;
        this.notifications = notifications;
        this.directory = directory;
        this.routing = routing;
        this.ladder = ladder;
        this.sender = sender;
        this.tx = tx;
        this.json = json;
        this.claims = claims;
        this.replica = replica;
        this.config = config;
    }

    /** Claims received MO texts (one replica answers each) and processes them. */
    public int processPending() {
        List<UUID> ids = claims.inbound(replica.name(), UUID.randomUUID(), config.claimLease(), 20);
        if (ids.isEmpty()) {
            return 0;
        }
        List<InboundSms> received = tx.run(() -> inbound.byIds(ids));
        received.forEach(this::process);
        return received.size();
    }

    private void process(InboundSms sms) {
        String outcome;
        try {
            outcome = handle(sms);
        } catch (CitizenReplies.RetryLater e) {
            // Left RECEIVED: once this claim's lease runs out a replica takes the text again.
            LOG.warnf("MO SMS %s from %s waits: %s", sms.id, Masking.phone(sms.fromPhone), e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warnf("MO SMS %s from %s failed: %s", sms.id, Masking.phone(sms.fromPhone), e.toString());
            outcome = "ERROR " + e.getClass().getSimpleName();
        }
        String result = outcome.length() > 200 ? outcome.substring(0, 200) : outcome;
        tx.run(() -> inbound.findById(sms.id).invoke(row -> {
            row.become(InboundStatus.PROCESSED);
            row.outcome = result;
        }).replaceWithVoid());
    }

    private String handle(InboundSms sms) {
        String text = normalise(sms.text);
        Optional<Person> person = directory.byPhone(sms.fromPhone);
        if (person.isEmpty()) {
            Optional<String> citizen = citizens.handle(sms, text);
            if (citizen.isPresent()) {
                return citizen.get();
            }
            LOG.infof("MO SMS from unknown number %s", Masking.phone(sms.fromPhone));
            reply(sms, new Person(null, null, sms.fromPhone, null, null), "REPLY_HELP", null, Map.of());
            return "UNKNOWN_NUMBER";
        }
        Matcher m = REPLY.matcher(text);
        if (!m.matches()) {
            LOG.infof("MO SMS from %s not understood", Masking.phone(sms.fromPhone));
            reply(sms, person.get(), "REPLY_HELP", null, Map.of());
            return "UNKNOWN_CODE";
        }
        String code = m.group(1);
        Notification notice = tx.run(() -> notifications.latestDispatchNotice(person.get().personId(), code));
        if (notice == null) {
            reply(sms, person.get(), "REPLY_HELP", null, Map.of());
            return "NO_DISPATCH";
        }
        Map<String, String> vars = Map.of("ticketNumber", ticketNumber(notice));
        int status;
        try {
            status = routing.signByReply(notice.dispatchId, person.get().personId(), "短信回复签收");
        } catch (RuntimeException e) {
            // routing down or its circuit open: say so rather than leave the handler believing it worked.
            LOG.warnf("sign of %s by SMS failed: %s", notice.dispatchId, e.toString());
            reply(sms, person.get(), "SIGN_FAILED", notice, Map.of("ticketNumber", ticketNumber(notice),
                    "reason", "系统繁忙，请稍后重试或登录系统签收"));
            return "SIGN_ERROR " + e.getClass().getSimpleName();
        }
        if (status / 100 == 2) {
            tx.run(() -> ladder.stop(List.of(notice.dispatchId, notice.ticketId), "SIGN", "SMS_SIGN"));
            reply(sms, person.get(), "SIGN_CONFIRMED", notice, vars);
            return "SIGNED " + notice.dispatchId;
        }
        reply(sms, person.get(), "SIGN_FAILED", notice, Map.of("ticketNumber", ticketNumber(notice),
                "reason", status == 409 ? "已签收或当前状态不可签收" : "无权签收该派单"));
        return "SIGN_REFUSED " + status;
    }

    private String ticketNumber(Notification notice) {
        try {
            Object number = json.readValue(notice.params, Map.class).get("ticketNumber");
            return number != null ? number.toString() : notice.ticketId;
        } catch (Exception e) {
            Swallowed.warn(LOG, "notify.reply.ticket-number", e);
            return notice.ticketId;
        }
    }

    private void reply(InboundSms sms, Person to, String template, Notification notice, Map<String, String> vars) {
        sender.send(new NotificationDraft("mo:" + sms.id + ":" + template, notice == null ? null : notice.ticketId,
                notice == null ? null : notice.dispatchId, notice == null ? null : notice.scope, "REPLY", 0,
                "SENDER", to, template, vars, true, null));
    }

    static String normalise(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.trim().toCharArray()) {
            // Phones often send full-width digits and letters (１, ＱＳ).
            out.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }
        return out.toString().trim().toUpperCase(Locale.ROOT);
    }
}
