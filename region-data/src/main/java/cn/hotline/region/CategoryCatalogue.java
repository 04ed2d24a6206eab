package cn.hotline.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The category catalogue as one immutable snapshot: read from the region's {@code categories.csv} (the seed
 * intake imports, and every other service's copy until intake announces a change), changed only by
 * {@link #with}. intake owns the catalogue; the others hold a copy fed by its {@code category.changed} events.
 */
public final class CategoryCatalogue {

    /** The region's catalogue on the classpath. */
    public static final String RESOURCE = "hotline/region/categories.csv";
    private static final String UNCATEGORISED = "未分类";

    private final Map<String, Category> byCode;

    private CategoryCatalogue(Map<String, Category> byCode) {
        this.byCode = byCode;
    }

    public static CategoryCatalogue of(Collection<Category> categories) {
        return new CategoryCatalogue(Map.of()).with(categories);
    }

    /** The region's seed catalogue ({@link #RESOURCE}). */
    public static CategoryCatalogue region() {
        return of(parse(RESOURCE));
    }

    /** Rows of a catalogue CSV ({@code code,name,parent_code} under a header line). */
    public static List<Category> parse(String resource) {
        List<Category> rows = new ArrayList<>();
        for (String[] cells : RegionResources.csv(resource)) {
            if (cells.length >= 2 && !cells[0].isBlank()) {
                String parent = cells.length > 2 && !cells[2].isBlank() ? cells[2].trim() : null;
                rows.add(new Category(cells[0].trim(), cells[1].trim(), parent));
            }
        }
        return rows;
    }

    /** This catalogue with {@code changes} added or replacing entries of the same code. */
    public CategoryCatalogue with(Collection<Category> changes) {
        Map<String, Category> next = new LinkedHashMap<>(byCode);
        changes.forEach(c -> next.put(c.code(), c));
        return new CategoryCatalogue(Collections.unmodifiableMap(next));
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The name; the code itself when unknown; 未分类 when there is none. */
    public String name(String code) {
        if (code == null || code.isBlank()) {
            return UNCATEGORISED;
        }
        return find(code).map(Category::name).orElse(code);
    }

    /** {@code code} and its ancestors, most specific first; empty for an unknown code. */
    public List<Category> chain(String code) {
        List<Category> chain = new ArrayList<>();
        for (Category c = code == null ? null : byCode.get(code); c != null && chain.size() < byCode.size();
                c = c.parentCode() == null ? null : byCode.get(c.parentCode())) {
            chain.add(c);
        }
        return chain;
    }

    public List<Category> all() {
        return List.copyOf(byCode.values());
    }

    public int size() {
        return byCode.size();
    }
}
