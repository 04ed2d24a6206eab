package cn.hotline.console.client;

import java.util.List;

/** A service's RFC 7807 answer (4xx/5xx), kept so a page can show the person what to fix. */
public class ServiceProblem extends RuntimeException {

    /** One invalid field. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final String reason;

    public ServiceProblem(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    /** {@code reason}: the problem's {@code reason} member where the service gives one (e.g. why a link is gone). */
    public ServiceProblem(int status, String title, String detail, List<FieldError> errors, String reason) {
        super(detail == null ? title : detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : errors;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public String reason() {
        return reason;
    }
}
