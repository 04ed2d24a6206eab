package cn.hotline.routing.domain;

/** What can be done to a dispatch; {@code path} is the action's name in the API and in 409 answers. */
public enum DispatchAction {
    ASSIGN("assign"),
    SIGN("sign"),
    RETURN("return"),
    ACCEPT_RETURN("return-review"),
    REJECT_RETURN("return-review"),
    ARRIVE("arrive"),
    HANDLE("handle"),
    ASSIST_SIGN("assist-sign"),
    ASSIST_REPORT("assist-report"),
    RELEASE_ASSIST("release-assist"),
    COMPLETE("complete"),
    REQUEST_EXTENSION("request-extension"),
    EXTENSION_DECISION("extension-decision"),
    ESCALATE("escalate"),
    ASSIGN_LEADER("assign-leader"),
    CANCEL("cancel");

    private final String path;

    DispatchAction(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
