package cn.hotline.intake.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.Kind;
import cn.hotline.intake.domain.Channel;
import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;

/** Checks across fields that Bean Validation cannot express; throws before anything is stored. */
@ApplicationScoped
public class TicketValidator {

    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private final CategoryService categories;

    public TicketValidator(CategoryService categories) {
        this.categories = categories;
    }

    public static void requireIdempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.badRequest("Idempotency-Key", "header is required: a client-chosen key, the same on every retry");
        }
        if (key.length() > 128 || !key.matches("^[\\x21-\\x7E]+$")) {
            throw ProblemException.badRequest("Idempotency-Key", "must be 1-128 visible ASCII characters");
        }
    }

    public void check(TicketDraft draft, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if ((draft.lat() == null) != (draft.lon() == null)) {
            errors.add(new Problem.FieldError(draft.lat() == null ? "location.lat" : "location.lon",
                    "lat and lon must be given together"));
        }
        boolean hasPlace = draft.lat() != null || draft.address() != null;
        if (!hasPlace && needsPlace(draft.kind())) {
            errors.add(new Problem.FieldError("location", "a " + draft.kind() + " needs lat/lon or an address"));
        }
        if (draft.categoryCode() != null && categories.get(draft.categoryCode()).isEmpty()) {
            errors.add(new Problem.FieldError("categoryCode", "unknown category '" + draft.categoryCode()
                    + "'; see GET /api/v1/categories"));
        }
        if (draft.channel() == Channel.PROXY && draft.proxyAgent() == null) {
            errors.add(new Problem.FieldError("proxyAgent", "a PROXY (代办) ticket names the liaison who files it"));
        }
        if (draft.occurredAt() != null && draft.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError("occurredAt", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static boolean needsPlace(Kind kind) {
        return kind == Kind.HELP || kind == Kind.COMPLAINT || kind == Kind.REPORT;
    }
}
