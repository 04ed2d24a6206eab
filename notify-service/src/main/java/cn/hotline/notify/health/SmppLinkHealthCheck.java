package cn.hotline.notify.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.notify.config.SmppConfig;
import cn.hotline.notify.gateway.SmppLink;

/**
 * Reports the SMPP link in readiness. An unbound link alone does not make the service unready while the
 * HTTP gateway can carry messages (the SMSC may restart; taking notify out would stop escalations too);
 * it is DOWN only when no route is left.
 */
@Readiness
@ApplicationScoped
public class SmppLinkHealthCheck implements HealthCheck {

    private final SmppLink link;
    private final SmppConfig smpp;
    private final NotifyConfig config;

    public SmppLinkHealthCheck(SmppLink link, SmppConfig smpp, NotifyConfig config) {
        this.link = link;
        this.smpp = smpp;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean bound = smpp.enabled() && link.bound();
        boolean http = config.httpGateway().enabled();
        return HealthCheckResponse.named("sms-gateways").status(bound || http)
                .withData("smpp", smpp.enabled() ? link.state() : "DISABLED")
                .withData("smppError", String.valueOf(link.lastError()))
                .withData("http", http ? "ENABLED" : "DISABLED")
                .withData("route", bound ? "SMPP" : http ? "HTTP (failover)" : "NONE")
                .build();
    }
}
