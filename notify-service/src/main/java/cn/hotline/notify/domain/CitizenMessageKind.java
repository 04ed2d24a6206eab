package cn.hotline.notify.domain;

/** The SMS a citizen gets about their ticket, each with its template (seed/templates.yaml). */
public enum CitizenMessageKind {
    /** Ticket created: the number and the progress link. */
    ACK("CITIZEN_ACK"),
    /** Dispatch completed, ticket awaiting follow-up: handled, and the survey (reply 1/2/3). */
    COMPLETED("CITIZEN_COMPLETED");

    private final String template;

    CitizenMessageKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
