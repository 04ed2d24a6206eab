package cn.hotline.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.hotline.notify.service.TemplateCatalog.SmsTemplate;
import cn.hotline.support.seed.SeedImport;

/** Qute renders every seeded SMS text exactly as the regex it replaced did, a missing or blank variable as "—". */
class TemplateCatalogTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Map<String, SmsTemplate> SEED = SeedImport.yaml("seed/templates.yaml",
            new TypeReference<Map<String, SmsTemplate>>() {
            });
    private final TemplateCatalog catalog = new TemplateCatalog("【12345】", SEED);

    @Test
    void everyTemplateRendersAsBeforeWithEveryVariable() {
        Map<String, String> vars = new HashMap<>();
        for (String name : new String[] { "ticketNumber", "categoryName", "address", "deadline", "remaining", "replyCode",
                "stageName", "unitName", "sequence", "keyword", "count", "link", "windowDays", "territory", "note",
                "escalationLevel", "reason" }) {
            vars.put(name, name + "-值$1\\");
        }
        SEED.forEach((code, template) -> assertThat(catalog.render(code, vars)).isEqualTo(regex(template.text(), vars)));
    }

    @Test
    void aMissingOrBlankVariableRendersAsADash() {
        Map<String, String> vars = new HashMap<>(Map.of("ticketNumber", "HZ1", "categoryName", " "));
        SEED.forEach((code, template) -> assertThat(catalog.render(code, vars)).isEqualTo(regex(template.text(), vars)));
        assertThat(catalog.render("SIGN_FAILED", Map.of())).isEqualTo("【12345】工单—签收未成功（—），请登录系统处理。");
    }

    /** The renderer before Qute, kept as the oracle. */
    private static String regex(String text, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder("【12345】");
        while (m.find()) {
            String value = vars.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "—" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
