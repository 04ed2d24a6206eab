package cn.hotline.events.payload;

import java.time.Instant;
import java.util.List;

/** {@code category.changed}: entries of intake's category catalogue added or replaced by an import. */
public record CategoriesChanged(
        int schemaVersion,
        List<Entry> categories,
        Instant changedAt) {

    public static final int SCHEMA_VERSION = 1;
    /** The Kafka key (and outbox subject) of every catalogue change, so changes stay in order. */
    public static final String KEY = "category-catalogue";

    /** One category: code, name, parent code (null at the top). */
    public record Entry(String code, String name, String parentCode) {
    }
}
