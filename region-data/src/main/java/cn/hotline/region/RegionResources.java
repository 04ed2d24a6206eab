package cn.hotline.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the region's reference files (CSV, GeoJSON, iCalendar) from the classpath. */
public final class RegionResources {

    private RegionResources() {
    }

    /** The resource, looked up through the thread's class loader first (Quarkus's), then this library's. */
    public static InputStream open(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(resource);
        if (in == null) {
            in = RegionResources.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("region resource " + resource + " is not on the classpath");
        }
        return in;
    }

    public static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("region resource " + resource + " unreadable", e);
        }
    }

    /** CSV rows without the header line; a plain comma split (the region's files quote no commas). */
    public static List<String[]> csv(String resource) {
        String[] lines = text(resource).split("\\r?\\n");
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i].split(",", -1));
            }
        }
        return rows;
    }
}
