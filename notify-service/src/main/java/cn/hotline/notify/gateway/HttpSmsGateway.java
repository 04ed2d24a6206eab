package cn.hotline.notify.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.notify.config.NotifyConfig;

/** The secondary route: a cloud SMS API (template id + parameters), behind timeout, retry, circuit breaker, bulkhead. */
@ApplicationScoped
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = GatewayException.class)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000,
        skipOn = GatewayException.class)
@Bulkhead(10)
public class HttpSmsGateway {

    private final SmsHttpApi api;
    private final NotifyConfig config;
    private final ObjectMapper json;

    public HttpSmsGateway(@RestClient SmsHttpApi api, NotifyConfig config, ObjectMapper json) {
        this.api = api;
        this.config = config;
        this.json = json;
    }

    public SmsResult send(SmsRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PhoneNumbers", request.destination());
        body.put("SignName", config.httpGateway().signName());
        body.put("TemplateCode", request.cloudTemplateId());
        try {
            body.put("TemplateParam", json.writeValueAsString(request.params()));
        } catch (JsonProcessingException e) {
            throw new GatewayException("template parameters not serialisable", e);
        }
        Map<String, Object> answer = api.send(body);
        if (!"OK".equals(answer.get("Code"))) {
            throw new GatewayException("cloud SMS API rejected: " + answer.get("Code") + " " + answer.get("Message"), false);
        }
        return new SmsResult(SmsResult.HTTP, List.of(String.valueOf(answer.get("BizId"))));
    }
}
