package cn.hotline.notify.service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.events.Satisfaction;
import cn.hotline.notify.client.IntakeClient;
import cn.hotline.notify.domain.CitizenMessageKind;
import cn.hotline.notify.domain.InboundSms;
import cn.hotline.notify.domain.Notification;
import cn.hotline.notify.repository.NotificationRepository;
import cn.hotline.support.security.Masking;

/**
 * A citizen's reply (a number not in routing's directory): TD / 退订 opts the number out at intake and cancels its held
 * messages; 1 / 2 / 3 (full-width too) answers the survey of the newest completion SMS sent to that number, recorded by
 * intake as the follow-up (closedBy SMS). A reply is thanked or, when not understood, answered with the choices.
 */
@ApplicationScoped
public class CitizenReplies {

    /** intake could not be reached: leave the text unprocessed so it is tried again after its lease. */
    public static class RetryLater extends RuntimeException {
        RetryLater(Throwable cause) {
            super("intake unreachable: " + cause, cause);
        }
    }

    public static final String OPTED_OUT = "OPTED_OUT";
    private static final Logger LOG = Logger.getLogger(CitizenReplies.class);
    private static final List<String> OPT_OUT_WORDS = List.of("TD", "退订");
    private static final Map<Satisfaction, String> SAID = Map.of(Satisfaction.SATISFIED, "满意",
            Satisfaction.BASICALLY_SATISFIED, "基本满意", Satisfaction.UNSATISFIED, "不满意");

    private final IntakeClient intake;
    private final NotificationRepository notifications;
    private final NotificationService sender;
    private final Tx tx;
    private final ObjectMapper json;

    public CitizenReplies(IntakeClient intake, NotificationRepository notifications, NotificationService sender, Tx tx,
            ObjectMapper json) {
        this.json = json;
        this.intake = intake;
        this.notifications = notifications;
        this.sender = sender;
        this.tx = tx;
    }

    /** The outcome for the inbound log, or empty when the sender is no citizen we texted (not ours to answer). */
    public Optional<String> handle(InboundSms sms, String text) {
        String recipient = CitizenMessages.recipientId(sms.fromPhone);
        if (OPT_OUT_WORDS.contains(text)) {
            call(() -> intake.optOut(sms.fromPhone));
            int cancelled = tx.run(() -> notifications.cancelUnsentTo(recipient));
            LOG.infof("citizen %s opted out of SMS (%d held messages cancelled)", Masking.phone(sms.fromPhone), cancelled);
            return Optional.of(OPTED_OUT);
        }
        Notification survey = tx.run(() -> notifications.latestSent(recipient, CitizenMessageKind.COMPLETED.template()));
        if (survey == null) {
            return Optional.empty();
        }
        Optional<Satisfaction> answer = Arrays.stream(Satisfaction.values()).filter(s -> s.surveyDigit().equals(text)).findFirst();
        String number = ticketNumber(survey);
        if (answer.isEmpty()) {
            reply(sms, survey, "CITIZEN_SURVEY_HELP", Map.of("ticketNumber", number));
            return Optional.of("SURVEY_NOT_UNDERSTOOD " + survey.ticketId);
        }
        int status = call(() -> intake.surveyReply(survey.ticketId, sms.fromPhone, answer.get().name()));
        if (status / 100 == 2) {
            reply(sms, survey, "CITIZEN_SURVEY_THANKS", Map.of("ticketNumber", number, "satisfaction", SAID.get(answer.get())));
            return Optional.of("SURVEY " + answer.get() + " " + survey.ticketId);
        }
        reply(sms, survey, "CITIZEN_SURVEY_CLOSED", Map.of("ticketNumber", number));
        return Optional.of("SURVEY_REFUSED " + status + " " + survey.ticketId);
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new RetryLater(e);
        }
    }

    private static void call(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    private String ticketNumber(Notification survey) {
        try {
            Object number = json.readValue(survey.params, Map.class).get("ticketNumber");
            return number != null ? number.toString() : survey.ticketId;
        } catch (Exception e) {
            return survey.ticketId;
        }
    }

    /** An answer to the citizen's own text goes at once (like every MO reply), under the ticket in the audit. */
    private void reply(InboundSms sms, Notification survey, String template, Map<String, String> vars) {
        sender.send(new NotificationDraft("mo:" + sms.id + ":" + template, survey.ticketId, survey.dispatchId, survey.scope,
                "REPLY", 0, CitizenMessages.ROLE, CitizenMessages.person(sms.fromPhone), template, vars, true, null));
    }
}
