package cn.hotline.notify.service;

import java.util.HashMap;
import java.util.Map;

import cn.hotline.notify.domain.Person;

/** A message about to be claimed and sent to one person. */
public record NotificationDraft(String dedupKey, String ticketId, String dispatchId, String scope, String stage,
        int level, String role, Person person, String templateCode, Map<String, String> vars, boolean urgent,
        String replyCode) {

    /** This draft with one more template variable. */
    public NotificationDraft withVar(String name, String value) {
        Map<String, String> more = new HashMap<>(vars);
        more.put(name, value);
        return new NotificationDraft(dedupKey, ticketId, dispatchId, scope, stage, level, role, person, templateCode, more,
                urgent, replyCode);
    }
}
