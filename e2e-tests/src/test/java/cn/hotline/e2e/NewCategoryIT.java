package cn.hotline.e2e;

import static cn.hotline.e2e.Hotline.BOUND;
import static cn.hotline.e2e.Hotline.POLL;
import static cn.hotline.e2e.Hotline.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * A category the city adds while the suite runs: imported into intake's catalogue (its one owner) through the admin
 * API, it reaches routing and notify by intake's {@code category.changed} — routing accepts a rule for it, a ticket of
 * it is dispatched by that rule, and the dispatch SMS names it — with no service restarted.
 */
class NewCategoryIT {

    private static final String LEAD = "330523-ENFORCEMENT";

    private static Hotline hotline;

    @BeforeAll
    static void startSuite() throws Exception {
        hotline = new Hotline(Suite.get());
    }

    @Test
    void anImportedCategoryIsRoutedByANewRuleAndNamedInTheSms() {
        String code = "02" + (900000 + ThreadLocalRandom.current().nextInt(100000));
        String name = "共享单车乱停放" + code.substring(4);

        // Routing does not know the category yet: a rule for it is refused, naming the field.
        as("admin").body(List.of(rule(code))).when().post(hotline.url("routing", "/api/v1/catalogue/rules/import"))
                .then().statusCode(400).contentType("application/problem+json");

        List<Map<String, Object>> imported = as("admin").body(List.of(Map.of("code", code, "name", name, "parentCode", "02")))
                .when().post(hotline.url("intake", "/api/v1/categories/import"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(imported).anySatisfy(c -> assertThat(c.get("code")).isEqualTo(code));

        // The same rule is accepted once routing has intake's announcement.
        await("routing knows category " + code).atMost(BOUND).pollInterval(POLL)
                .until(() -> as("admin").body(List.of(rule(code)))
                        .when().post(hotline.url("routing", "/api/v1/catalogue/rules/import")).statusCode() < 300);

        JsonPath ticket = hotline.createTicket(Map.of("channel", "PHONE", "kind", "COMPLAINT", "urgency", "URGENT", "categoryCode", code,
                "content", "小区门口共享单车乱停放，堵住了人行道",
                "caller", Map.of("name", "李先生", "phone", Hotline.freshPhone()),
                "location", Map.of("address", "安吉县昌硕街道天目社区天目路")));
        String ticketId = ticket.getString("id");
        Map<String, Object> dispatch = hotline.awaitDispatch(ticketId, "ASSIGNED", d -> "ASSIGNED".equals(d.get("state")));
        JsonPath d = hotline.dispatch((String) dispatch.get("id"));
        assertThat(d.getString("lead.unitCode")).isEqualTo(LEAD);
        assertThat(d.getList("explanation", String.class)).anySatisfy(line -> assertThat(line).contains(name));

        String handlerPhone = hotline.person(d.getString("handlerId")).getString("phone");
        Map<String, Object> sms = hotline.awaitSms(handlerPhone, "派单通知", ticket.getString("number"));
        assertThat((String) sms.get("text")).contains("（" + name + "）");
    }

    private static Map<String, Object> rule(String code) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("ruleId", "R-E2E-" + code);
        rule.put("categoryCode", code);
        rule.put("territoryCode", "330523");
        rule.put("lead", "COUNTY:ENFORCEMENT");
        rule.put("priority", 300);
        rule.put("description", "共享单车乱停放由综合执法主办");
        return rule;
    }
}
