package cn.hotline.routing.domain;

/** The request's nature (咨询/求助/投诉/举报/建议). */
public enum Kind {
    CONSULT, HELP, COMPLAINT, REPORT, SUGGESTION
}
