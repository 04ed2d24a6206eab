package cn.hotline.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import cn.hotline.smsc.SimulatorConfig;
import cn.hotline.smsc.SmscSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The other side of notify's links for tests: the real SMSC simulator (SMPP, in this JVM, random ports) and a
 * WireMock standing in for routing-service's directory/sign API and intake-service's citizen endpoints (contract
 * stubs) and for the cloud SMS API.
 * Short fault-tolerance and reconnect values so outages are seen within seconds.
 */
public class NotifyStackResource implements QuarkusTestResourceLifecycleManager {

    private static SmscSimulator simulator;
    private static WireMockServer wiremock;
    private static SlowSmscProxy proxy;

    @Override
    public synchronized Map<String, String> start() {
        if (simulator == null) {
            simulator = SmscSimulator.start(SimulatorConfig.randomPorts().withCredentials("notify-test", "secret"));
            try {
                proxy = SlowSmscProxy.start(simulator.smppPort());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("SMSC proxy did not start", e);
            }
            wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            wiremock.start();
            wiremock.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"{{randomValue length=12 type='NUMERIC'}}\"}")
                    .withTransformers("response-template")));
        }
        Map<String, String> config = new HashMap<>();
        config.put("notify.smpp.host", "127.0.0.1");
        // Through a pass-through proxy that SmppPipelineTest slows down (the simulator has no response-delay switch).
        config.put("notify.smpp.port", String.valueOf(proxy.port()));
        config.put("notify.smpp.system-id", "notify-test");
        config.put("notify.smpp.password", "secret");
        config.put("notify.smpp.reconnect-initial-backoff", "PT0.2S");
        config.put("notify.smpp.reconnect-max-backoff", "PT1S");
        config.put("notify.smpp.enquire-link-interval", "PT2S");
        config.put("notify.smpp.throttle-backoff", "PT0.1S");
        config.put("notify.smpp.throttle-retries", "2");
        config.put("notify.test.smsc-http-port", String.valueOf(simulator.httpPort()));
        config.put("notify.test.wiremock-port", String.valueOf(wiremock.port()));
        config.put("quarkus.rest-client.routing.url", wiremock.baseUrl());
        config.put("quarkus.rest-client.sms-http.url", wiremock.baseUrl());
        config.put("quarkus.rest-client.intake.url", wiremock.baseUrl());
        config.put("hotline.notify.citizen.retry", "PT1S");
        config.put("cn.hotline.notify.client.IntakeClient/Timeout/value", "1500");
        config.put("cn.hotline.notify.client.IntakeClient/Retry/delay", "50");
        config.put("cn.hotline.notify.client.IntakeClient/CircuitBreaker/delay", "1000");
        config.put("hotline.notify.worker-interval", "1s");
        config.put("hotline.notify.directory-retry", "PT0S");
        config.put("hotline.notify.claim-batch", "10");
        // Fresh per JVM: the rate-limit window of a frozen test clock would otherwise carry over between runs in Redis.
        config.put("hotline.notify.alert-recipients", "staff-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        config.put("hotline.notify.rate-limit.max", "3");
        config.put("cn.hotline.notify.client.DirectoryCalls/Timeout/value", "1500");
        config.put("cn.hotline.notify.client.DirectoryCalls/Retry/delay", "50");
        config.put("cn.hotline.notify.client.DirectoryCalls/CircuitBreaker/delay", "1000");
        config.put("cn.hotline.notify.gateway.SmppGateway/CircuitBreaker/delay", "1000");
        // TwoReplicasTest runs a second replica's sending lanes in this JVM, on this JVM's one gateway: room for both
        // replicas' lanes (each replica of a deployment has its own gateway and the default of 10).
        config.put("cn.hotline.notify.gateway.SmppGateway/Bulkhead/value", "20");
        config.put("cn.hotline.notify.gateway.HttpSmsGateway/CircuitBreaker/delay", "1000");
        return config;
    }

    @Override
    public void stop() {
        // Kept for the whole test JVM (Quarkus boots once); daemon threads end with it.
    }
}
