package cn.hotline.notify.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.config.SmppConfig;

/**
 * Primary SMPP, secondary cloud HTTP: the secondary carries a message when the SMPP link is down, its circuit
 * is open, it times out or the SMSC rejects the message.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);

    private final SmppGateway smpp;
    private final HttpSmsGateway http;
    private final SmppLink link;
    private final SmppConfig smppConfig;
    private final NotifyConfig config;

    public GatewayRouter(SmppGateway smpp, HttpSmsGateway http, SmppLink link, SmppConfig smppConfig, NotifyConfig config) {
        this.smpp = smpp;
        this.http = http;
        this.link = link;
        this.smppConfig = smppConfig;
        this.config = config;
    }

    public SmsResult send(SmsRequest request) {
        RuntimeException primaryFailure = null;
        if (smppConfig.enabled() && link.bound()) {
            try {
                return smpp.send(request);
            } catch (RuntimeException e) {
                primaryFailure = e;
                LOG.infof("SMPP did not take the message (%s); failing over to HTTP", e.toString());
            }
        }
        if (!config.httpGateway().enabled()) {
            throw primaryFailure != null ? primaryFailure : new GatewayException("no gateway available", true);
        }
        try {
            return http.send(request);
        } catch (RuntimeException e) {
            if (primaryFailure != null) {
                e.addSuppressed(primaryFailure);
            }
            throw e;
        }
    }
}
