package cn.hotline.notify.gateway;


import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import cn.hotline.notify.config.SmppConfig;

/**
 * The primary route: SMPP through {@link SmppLink}, behind a timeout, a circuit breaker and a bulkhead
 * (values from config). No retry here: a part may already be accepted, and the router fails over instead.
 */
@ApplicationScoped
@Timeout(15000)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
@Bulkhead(10)
public class SmppGateway {

    private final SmppLink link;
    private final SmppConfig config;

    public SmppGateway(SmppLink link, SmppConfig config) {
        this.link = link;
        this.config = config;
    }

    public SmsResult send(SmsRequest request) {
        return new SmsResult(SmsResult.SMPP, link.submit(config.sourceAddress(), request.destination(), request.text()));
    }
}
