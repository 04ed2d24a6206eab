package cn.hotline.notify.service;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.hotline.notify.config.NotifyConfig;
import cn.hotline.support.seed.SeedImport;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Results;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.WithPriority;

/** The SMS templates ({@code seed/templates.yaml}): Qute texts with {@code {variable}}s, the signature prefixed. */
@ApplicationScoped
public class TemplateCatalog {

    static final String RESOURCE = "seed/templates.yaml";
    /** What a variable with no value shows: an SMS goes out with a gap rather than not at all. */
    static final String MISSING = "—";

    /** One template: its text and the id registered with the cloud SMS API. */
    public record SmsTemplate(String cloudTemplateId, String text) {
    }

    private final Map<String, SmsTemplate> templates;
    private final Map<String, Template> parsed = new HashMap<>();
    private final String signature;

    @Inject
    public TemplateCatalog(NotifyConfig config) {
        this(config.signature(), SeedImport.yaml(RESOURCE, new TypeReference<Map<String, SmsTemplate>>() {
        }));
    }

    TemplateCatalog(String signature, Map<String, SmsTemplate> templates) {
        this.signature = signature;
        this.templates = templates;
        // Lenient on purpose: a variable the trigger lacks renders as MISSING instead of failing the send.
        Engine engine = Engine.builder().addDefaults().strictRendering(false).addResultMapper(new Missing()).build();
        templates.forEach((code, template) -> parsed.put(code, engine.parse(template.text())));
    }

    public boolean exists(String code) {
        return templates.containsKey(code);
    }

    public SmsTemplate get(String code) {
        SmsTemplate template = templates.get(code);
        if (template == null) {
            throw new IllegalArgumentException("no template " + code);
        }
        return template;
    }

    /** The signature followed by the template with {@code vars} filled in (a missing or blank variable renders as "—"). */
    public String render(String code, Map<String, String> vars) {
        get(code);
        TemplateInstance instance = parsed.get(code).instance();
        vars.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                instance.data(name, value);
            }
        });
        return signature + instance.render();
    }

    /** Renders an unresolved or null variable as {@link #MISSING}. */
    private static final class Missing implements ResultMapper {

        @Override
        public int getPriority() {
            return WithPriority.DEFAULT_PRIORITY + 100;
        }

        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return result == null || Results.isNotFound(result);
        }

        @Override
        public String map(Object result, Expression expression) {
            return MISSING;
        }
    }
}
