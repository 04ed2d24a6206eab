package cn.hotline.notify.gateway;

import java.util.Map;

import cn.hotline.notify.domain.SmsText;

/** What a gateway sends: the destination, the rendered text (SMPP) and the template id + parameters (cloud API). */
public record SmsRequest(String destination, SmsText text, String cloudTemplateId, Map<String, String> params) {
}
