package cn.hotline.events;

/** The request's nature (咨询/求助/投诉/举报/建议/信访), as tickets and routing rules name it. */
public enum Kind {
    CONSULT, HELP, COMPLAINT, REPORT, SUGGESTION, PETITION
}
