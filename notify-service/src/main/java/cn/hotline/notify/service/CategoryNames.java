package cn.hotline.notify.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** Category names from region-data's shared catalogue ({@code hotline/region/categories.csv}). */
@ApplicationScoped
public class CategoryNames {

    private final Map<String, String> names = new HashMap<>();

    public CategoryNames() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("hotline/region/categories.csv")) {
            if (in == null) {
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", -1);
                if (cells.length >= 2) {
                    names.put(cells[0].trim(), cells[1].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("categories.csv unreadable", e);
        }
    }

    /** The name, or the code itself when unknown, or 未分类 when there is none. */
    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "未分类";
        }
        return names.getOrDefault(code, code);
    }
}
