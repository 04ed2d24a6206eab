package cn.hotline.notify.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.notify.client.FieldLinkClient;
import cn.hotline.notify.client.ServiceIdentity;
import cn.hotline.notify.config.NotifyConfig;

/**
 * The {@code link} variable of a dispatch SMS: "。处置：<short link>" to the console's field page, or "。" when no link
 * can be had (routing away, a recipient outside the directory): the SMS goes out anyway, the reply code still signs.
 */
@ApplicationScoped
public class FieldLinkText {

    private static final Logger LOG = Logger.getLogger(FieldLinkText.class);

    private final FieldLinkClient client;
    private final ServiceIdentity identity;
    private final NotifyConfig config;

    public FieldLinkText(FieldLinkClient client, ServiceIdentity identity, NotifyConfig config) {
        this.client = client;
        this.identity = identity;
        this.config = config;
    }

    public String forRecipient(String dispatchId, String personId) {
        if (dispatchId == null || personId == null || config.fieldLinkBase().isBlank()) {
            return "。";
        }
        try {
            return "。处置：" + config.fieldLinkBase() + client.issue(dispatchId, identity.bearer(), personId);
        } catch (RuntimeException e) {
            LOG.warnf("no field link for %s on dispatch %s (%s); the SMS goes without it", personId, dispatchId, e.toString());
            return "。";
        }
    }
}
