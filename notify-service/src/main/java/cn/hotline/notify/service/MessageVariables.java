package cn.hotline.notify.service;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.domain.AlertTrigger;
import cn.hotline.notify.domain.DeliveryFailureTrigger;
import cn.hotline.notify.domain.DispatchTrigger;
import cn.hotline.notify.domain.SlaTrigger;
import cn.hotline.notify.domain.TicketContext;
import cn.hotline.notify.domain.TriggerContext;
import cn.hotline.support.reference.CategoryCopy;

/** The template variables of a trigger: ticket number, category name, address, deadline, remaining time, ... */
@ApplicationScoped
public class MessageVariables {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("M月d日HH:mm");
    private static final Map<String, String> STAGES = Map.ofEntries(Map.entry("SIGN", "签收"), Map.entry("ARRIVE", "到场"),
            Map.entry("HANDLE", "处置"), Map.entry("CLOSE", "办结"), Map.entry("ACCEPT", "受理告知"), Map.entry("REVIEW", "复查"),
            Map.entry("NO_PROGRESS", "办理"), Map.entry("FIRST_REPLY", "首次答复"), Map.entry("QUEUE", "人工派单"),
            Map.entry("RETURN_REVIEW", "退单审核"), Map.entry("ASSIST_SIGN", "协办签收"), Map.entry("ASSIST_REPORT", "协办反馈"));

    private final CategoryCopy categories;
    private final NotifyConfig config;

    public MessageVariables(CategoryCopy categories, NotifyConfig config) {
        this.categories = categories;
        this.config = config;
    }

    public Map<String, String> of(TriggerContext t, TicketContext c) {
        Map<String, String> vars = new HashMap<>();
        vars.put("ticketNumber", t.ticketNumber() != null ? t.ticketNumber() : c != null ? c.ticketNumber : null);
        vars.put("categoryName", categories.current().name(c == null ? null : c.categoryCode));
        vars.put("address", c == null ? null : c.address);
        vars.put("unitName", c == null ? null : c.unitName);
        vars.put("stageName", STAGES.getOrDefault(t.stage(), t.stage()));
        vars.put("territory", t.territoryCode());
        if (t instanceof SlaTrigger sla) {
            vars.put("deadline", sla.deadline() == null ? null : DEADLINE.format(sla.deadline().atZone(config.zone())));
            vars.put("remaining", remaining(sla.remaining()));
            vars.put("sequence", number(sla.sequence()));
            vars.put("escalationLevel", number(sla.sequence()));
        } else if (t instanceof DispatchTrigger dispatch) {
            vars.put("sequence", number(dispatch.escalationLevel()));
            vars.put("escalationLevel", number(dispatch.escalationLevel()));
            vars.put("note", dispatch.note());
        } else if (t instanceof AlertTrigger alert) {
            vars.put("keyword", alert.keyword());
            vars.put("count", number(alert.count()));
            vars.put("windowDays", number(alert.windowDays()));
        } else if (t instanceof DeliveryFailureTrigger failure) {
            vars.put("note", failure.note());
        }
        vars.values().removeIf(v -> v == null);
        return vars;
    }

    private static String number(Number n) {
        return n == null ? null : String.valueOf(n);
    }

    /** ISO-8601 duration → 2小时5分 / 30秒; anything else is shown as given. */
    static String remaining(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(iso);
            long days = d.toDays();
            long hours = d.toHoursPart();
            long minutes = d.toMinutesPart();
            StringBuilder out = new StringBuilder();
            if (days > 0) {
                out.append(days).append("天");
            }
            if (hours > 0) {
                out.append(hours).append("小时");
            }
            if (minutes > 0) {
                out.append(minutes).append("分钟");
            }
            return out.isEmpty() ? d.toSecondsPart() + "秒" : out.toString();
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
