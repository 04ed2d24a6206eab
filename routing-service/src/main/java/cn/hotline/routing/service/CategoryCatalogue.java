package cn.hotline.routing.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The suite's shared category catalogue (region-data {@code hotline/region/categories.csv}). */
@ApplicationScoped
public class CategoryCatalogue {

    private static final String RESOURCE = "hotline/region/categories.csv";

    /** One category: code, name and parent code (null at the top). */
    public record Category(String code, String name, String parentCode) {
    }

    private final Map<String, Category> categories = new LinkedHashMap<>();

    public CategoryCatalogue() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cols = line.split(",", -1);
                if (cols.length >= 2 && !cols[0].isBlank()) {
                    String parent = cols.length > 2 && !cols[2].isBlank() ? cols[2].trim() : null;
                    categories.put(cols[0].trim(), new Category(cols[0].trim(), cols[1].trim(), parent));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    public String name(String code) {
        return find(code).map(Category::name).orElse(code);
    }

    /** {@code code} and its ancestors, most specific first; empty for an unknown code. */
    public List<Category> chain(String code) {
        List<Category> chain = new ArrayList<>();
        for (Category c = categories.get(code); c != null; c = c.parentCode() == null ? null : categories.get(c.parentCode())) {
            chain.add(c);
        }
        return chain;
    }
}
