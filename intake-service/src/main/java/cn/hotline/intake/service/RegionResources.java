package cn.hotline.intake.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the reference data files (CSV, GeoJSON) from the classpath. */
final class RegionResources {

    private RegionResources() {
    }

    static InputStream open(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            in = RegionResources.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("reference data " + resource + " is not on the classpath");
        }
        return in;
    }

    /** CSV rows without the header; simple comma split (the reference files have no quoted commas). */
    static List<String[]> csv(String resource) {
        try (InputStream in = open(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
