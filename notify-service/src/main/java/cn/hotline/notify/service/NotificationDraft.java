package cn.hotline.notify.service;

import java.util.Map;

import cn.hotline.notify.domain.Person;

/** A message about to be claimed and sent to one person. */
public record NotificationDraft(String dedupKey, String ticketId, String dispatchId, String scope, String stage,
        int level, String role, Person person, String templateCode, Map<String, String> vars, boolean urgent,
        String replyCode) {
}
