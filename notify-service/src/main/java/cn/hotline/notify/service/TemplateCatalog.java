package cn.hotline.notify.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.hotline.notify.config.NotifyConfig;

/** The SMS templates ({@code seed/templates.yaml}): {@code {variable}} placeholders, the signature prefixed. */
@ApplicationScoped
public class TemplateCatalog {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** One template: its text and the id registered with the cloud SMS API. */
    public record Template(String cloudTemplateId, String text) {
    }

    private final Map<String, Template> templates;
    private final NotifyConfig config;

    public TemplateCatalog(NotifyConfig config) {
        this.config = config;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("seed/templates.yaml")) {
            templates = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<Map<String, Template>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("seed/templates.yaml unreadable", e);
        }
    }

    public boolean exists(String code) {
        return templates.containsKey(code);
    }

    public Template get(String code) {
        Template template = templates.get(code);
        if (template == null) {
            throw new IllegalArgumentException("no template " + code);
        }
        return template;
    }

    /** The signature followed by the template with {@code vars} filled in (a missing variable renders as "—"). */
    public String render(String code, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(get(code).text());
        StringBuilder out = new StringBuilder(config.signature());
        while (m.find()) {
            String value = vars.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "—" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
