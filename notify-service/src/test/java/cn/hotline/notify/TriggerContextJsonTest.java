package cn.hotline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.hotline.notify.domain.AlertTrigger;
import cn.hotline.notify.domain.DeliveryFailureTrigger;
import cn.hotline.notify.domain.DispatchTrigger;
import cn.hotline.notify.domain.SlaTrigger;
import cn.hotline.notify.domain.Trigger;
import cn.hotline.notify.domain.TriggerContext;

/** A trigger kept with a scheduled level reads back as the same record, and a row stored in the old flat shape still reads. */
class TriggerContextJsonTest {

    private static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyKindRoundTrips() throws Exception {
        for (TriggerContext t : new TriggerContext[] {
                new DispatchTrigger("t1", "N1", "d1", "URGENT", "ESCALATE", Trigger.ESCALATED, "u1", "h1", "URGENT", "330502",
                        2, AT, "why"),
                new SlaTrigger("t1", "N1", "d1", "P", "SIGN", Trigger.WARNING, 80, null, "u1", "h1", "NORMAL", AT, "PT1H", AT),
                new AlertTrigger("t1", "N1", "REPEAT_COMPLAINANT", "330502", null, 3L, 30, AT),
                new DeliveryFailureTrigger("t1", "URGENT", AT, "h1 138****0000") }) {
            TriggerContext back = json.readValue(json.writeValueAsString(t), TriggerContext.class);
            assertThat(back).isEqualTo(t);
            assertThat(back.scope()).isEqualTo(t.scope());
            assertThat(back.instance()).isEqualTo(t.instance());
        }
    }

    @Test
    void aRowStoredBeforeTheSplitStillReads() throws Exception {
        String old = """
                {"ticketId":"t1","ticketNumber":"N1","dispatchId":"d1","policyCode":"NORMAL","stage":"ESCALATE",
                 "trigger":"ESCALATED","thresholdPercent":null,"sequence":2,"unitCode":"u1","handlerId":null,
                 "urgency":"NORMAL","deadline":null,"remaining":null,"territoryCode":"330502","keyword":null,"count":null,
                 "windowDays":null,"occurredAt":"2026-03-02T01:00:00Z","note":"why"}""";
        TriggerContext back = json.readValue(old, TriggerContext.class);
        assertThat(back).isEqualTo(new DispatchTrigger("t1", "N1", "d1", "NORMAL", "ESCALATE", Trigger.ESCALATED, "u1", null,
                "NORMAL", "330502", 2, AT, "why"));
        assertThat(back.instance()).isEqualTo("ESCALATED:R2@" + AT.toEpochMilli());

        String alert = """
                {"ticketId":"t2","ticketNumber":null,"dispatchId":null,"policyCode":"ALERT","stage":"HOTWORD_SURGE",
                 "trigger":"ALERT","territoryCode":"330502001","keyword":"停水","count":12,"occurredAt":"2026-03-02T01:00:00Z"}""";
        assertThat(json.readValue(alert, TriggerContext.class))
                .isEqualTo(new AlertTrigger("t2", null, "HOTWORD_SURGE", "330502001", "停水", 12L, null, AT));
    }
}
