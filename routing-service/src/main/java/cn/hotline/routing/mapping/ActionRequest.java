package cn.hotline.routing.mapping;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

/**
 * The body of any dispatch action; each action reads the fields it needs and rejects a missing one with
 * a 400 naming it: {@code note}, {@code reasonCode}+{@code note} (return), {@code decision} (return-review:
 * ACCEPT or REJECT, optional {@code leadUnitCode}/{@code assistingUnitCodes}), {@code lat}/{@code lon}
 * (arrive), {@code duration}+{@code reason} (request-extension), {@code approved} (extension-decision),
 * {@code reason} (escalate), {@code caseLeaderId} (assign-leader), {@code unitCode} (release-assist).
 */
public record ActionRequest(
        @Size(max = 2000) String note,
        String reasonCode,
        String decision,
        String leadUnitCode,
        List<String> assistingUnitCodes,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lon,
        String duration,
        @Size(max = 2000) String reason,
        Boolean approved,
        String caseLeaderId,
        String unitCode) {

    public static ActionRequest empty() {
        return note(null);
    }

    /** A body with only a note (a sign relayed from an SMS reply). */
    public static ActionRequest note(String note) {
        return new ActionRequest(note, null, null, null, null, null, null, null, null, null, null, null);
    }
}
