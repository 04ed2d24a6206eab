package cn.hotline.routing.service;

import static cn.hotline.routing.service.DispatchActions.required;

import java.time.Duration;
import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.routing.domain.Dispatch;
import cn.hotline.support.problem.ProblemException;

/** What an extension request (延期) may ask: an ISO-8601 duration and a reason, and for a petition the statutory cap. */
@ApplicationScoped
public class ExtensionRules {

    private final RoutingConfig config;

    public ExtensionRules(RoutingConfig config) {
        this.config = config;
    }

    /** Checks the request and records it on the dispatch as pending a decision. */
    public void request(Dispatch d, String duration, String reason) {
        d.extensionDuration = duration(duration);
        petitionCap(d);
        d.extensionReason = required("reason", reason);
        d.extensionPending = true;
        d.extensionApproved = null;
    }

    /**
     * A petition (信访事项) may be extended once, by at most the statutory cap (信访工作条例: 30 days); the
     * request's reason is kept on the dispatch and travels with the decision for the petitioner.
     */
    private void petitionCap(Dispatch d) {
        RoutingConfig.Petitions petitions = config.petitions();
        if (d.channel == null || !petitions.channels().contains(d.channel)) {
            return;
        }
        if (Boolean.TRUE.equals(d.extensionApproved)) {
            throw WorkflowProblems.alreadyDone(d, "a petition's time limit may be extended only once");
        }
        if (days(d.extensionDuration) > days(petitions.extensionCap().toString())) {
            throw ProblemException.badRequest("duration", "a petition may be extended by at most "
                    + days(petitions.extensionCap().toString()) + " days (信访工作条例)");
        }
    }

    /** Calendar days an ISO-8601 extension asks for (a month counts 31, part of a day a whole one). */
    private static long days(String iso) {
        if (iso.contains("T")) {
            return (Duration.parse(iso).toMinutes() + 24 * 60 - 1) / (24 * 60);
        }
        Period p = Period.parse(iso);
        return p.getYears() * 366L + p.getMonths() * 31L + p.getDays();
    }

    private static String duration(String value) {
        String text = required("duration", value);
        try {
            if (text.contains("T")) {
                Duration.parse(text);
            } else {
                Period.parse(text);
            }
            return text;
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("duration", "must be an ISO-8601 duration such as P5D or PT4H");
        }
    }
}
