package cn.hotline.sla.domain;

import java.util.List;

/** An SLA policy: the stage timers that apply to tickets matching it. */
public record Policy(String code, String name, int priority, PolicyMatch match, String calendar,
        List<StageDefinition> stages) {

    public Policy {
        match = match == null ? new PolicyMatch(null, null, null, null, null) : match;
        calendar = calendar == null || calendar.isBlank() ? "default" : calendar;
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
