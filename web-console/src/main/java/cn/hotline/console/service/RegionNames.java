package cn.hotline.console.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** Names of the demo region's divisions (region-data's division tree), to show codes as places people know. */
@ApplicationScoped
public class RegionNames {

    /** One division. */
    public record Division(String code, String name, String level, String parentCode) {
    }

    private final Map<String, Division> byCode;

    public RegionNames() {
        this.byCode = Collections.unmodifiableMap(load("hotline/region/huzhou-divisions.csv"));
    }

    public String name(String code) {
        if (code == null) {
            return "";
        }
        Division d = byCode.get(code);
        return d == null ? code : d.name();
    }

    /** "吴兴区 · 织里镇 · 某村" from the codes that are known. */
    public String place(String county, String town, String village) {
        List<String> parts = new ArrayList<>();
        for (String code : new String[] {county, town, village}) {
            if (code != null && !code.isBlank()) {
                parts.add(name(code));
            }
        }
        return String.join(" · ", parts);
    }

    public List<Division> counties() {
        return byCode.values().stream().filter(d -> "county".equals(d.level())).toList();
    }

    public List<Division> towns() {
        return byCode.values().stream().filter(d -> "town".equals(d.level())).toList();
    }

    private static Map<String, Division> load(String resource) {
        Map<String, Division> map = new LinkedHashMap<>();
        try (InputStream in = RegionNames.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (region-data)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                if (f.length >= 4) {
                    map.put(f[0], new Division(f[0], f[1], f[2], f[3]));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return map;
    }
}
