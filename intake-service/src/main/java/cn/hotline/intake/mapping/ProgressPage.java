package cn.hotline.intake.mapping;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.service.Open311Service;

/** The progress lookup as a small Chinese page for the phone browser the SMS link opens (no script, no PII). */
public final class ProgressPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private ProgressPage() {
    }

    public static String render(TicketStatusView v) {
        StringBuilder rows = new StringBuilder();
        row(rows, "工单号", v.number());
        row(rows, "办理状态", Open311Service.statusNotes(TicketStatus.valueOf(v.status())));
        row(rows, "诉求类别", v.categoryName());
        row(rows, "受理时间", when(v.receivedAt()));
        row(rows, "最近更新", when(v.updatedAt()));
        row(rows, "办结时间", when(v.closedAt()));
        if (v.mergedInto() != null) {
            row(rows, "已并入工单", v.mergedInto() + "（" + Open311Service.statusNotes(TicketStatus.valueOf(v.masterStatus())) + "）");
        }
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>工单办理进度</title>"
                + "<style>body{font-family:sans-serif;margin:1.5em;max-width:32em}th{text-align:left;padding-right:1em;"
                + "color:#555;font-weight:normal}td,th{padding:.4em 0}</style></head><body><h1>工单办理进度</h1><table>"
                + rows + "</table><p>如有疑问请拨打12345。</p></body></html>";
    }

    private static void row(StringBuilder rows, String label, String value) {
        if (value != null) {
            rows.append("<tr><th>").append(label).append("</th><td>").append(escape(value)).append("</td></tr>");
        }
    }

    private static String when(Instant at) {
        return at == null ? null : WHEN.format(at);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
