package cn.hotline.notify.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.notify.client.FieldLinkClient;
import cn.hotline.notify.client.RoutingApi;
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

    /**
     * The text per asked (dispatch, person), from one call to routing; "。"
     * for any routing could not issue, and for all when routing is away.
     */
    public Map<RoutingApi.LinkQuestion, String> forRecipients(List<RoutingApi.LinkQuestion> recipients) {
        Map<RoutingApi.LinkQuestion, String> texts = new HashMap<>();
        List<RoutingApi.LinkQuestion> asked = recipients.stream()
                .filter(r -> r.dispatchId() != null && r.personId() != null).distinct().toList();
        if (asked.isEmpty() || config.fieldLinkBase().isBlank()) {
            recipients.forEach(r -> texts.put(r, "。"));
            return texts;
        }
        Map<RoutingApi.LinkQuestion, String> tokens;
        try {
            tokens = client.issueAll(asked, identity.bearer());
        } catch (RuntimeException e) {
            LOG.warnf("no field links for %d recipients (%s); their SMS go without", asked.size(), e.toString());
            tokens = Map.of();
        }
        for (RoutingApi.LinkQuestion r : recipients) {
            String token = tokens.get(r);
            if (token == null && r.dispatchId() != null && r.personId() != null && !tokens.isEmpty()) {
                LOG.warnf("no field link for %s on dispatch %s; the SMS goes without it", r.personId(), r.dispatchId());
            }
            texts.put(r, token == null ? "。" : "。处置：" + config.fieldLinkBase() + token);
        }
        return texts;
    }
}
