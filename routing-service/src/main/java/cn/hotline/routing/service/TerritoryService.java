package cn.hotline.routing.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.region.Boundaries;
import cn.hotline.routing.domain.Territory;
import cn.hotline.routing.domain.TerritoryLevel;
import cn.hotline.routing.mapping.ImportResult;
import cn.hotline.routing.repository.TerritoryRepository;
import cn.hotline.support.problem.Problem.FieldError;
import cn.hotline.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Imports the territory tree (division CSV) and boundaries (GeoJSON); used by the API and the seed. */
@ApplicationScoped
public class TerritoryService {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{1,16}");

    private final TerritoryRepository repository;
    private final RoutingIndex index;
    private final IndexRefresher refresher;
    private final Pool pool;

    public TerritoryService(TerritoryRepository repository, RoutingIndex index, IndexRefresher refresher, Pool pool) {
        this.repository = repository;
        this.index = index;
        this.refresher = refresher;
        this.pool = pool;
    }

    /** Imports {@code code,name,level,parent_code} lines (a header line is skipped); all or nothing. */
    public Uni<ImportResult> importDivisions(String csv) {
        List<Territory> territories = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String[] lines = csv == null ? new String[0] : csv.split("\\r?\\n");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.startsWith("code,"))) {
                continue;
            }
            String[] cols = line.split(",", -1);
            String where = "line " + (i + 1);
            if (cols.length < 3 || cols[0].isBlank() || cols[1].isBlank()) {
                errors.add(new FieldError(where, "expected code,name,level,parent_code"));
                continue;
            }
            TerritoryLevel level;
            try {
                level = TerritoryLevel.parse(cols[2]);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(where, "level '" + cols[2] + "' is not one of city, county, town, village, grid"));
                continue;
            }
            String parent = cols.length > 3 && !cols[3].isBlank() ? cols[3].trim() : null;
            String problem = codeProblem(cols[0].trim(), "code");
            problem = problem != null ? problem : parent == null ? null : codeProblem(parent, "parent_code");
            problem = problem != null ? problem : nameProblem(cols[1].trim());
            if (problem != null) {
                errors.add(new FieldError(where, problem));
                continue;
            }
            if (parent == null && level != TerritoryLevel.CITY) {
                errors.add(new FieldError(where, "a " + level.code() + " needs a parent_code"));
                continue;
            }
            codes.add(cols[0].trim());
            territories.add(new Territory(cols[0].trim(), cols[1].trim(), level, parent, null));
        }
        for (Territory t : territories) {
            if (t.level() != TerritoryLevel.CITY && !codes.contains(t.parentCode())
                    && index.organisation().territory(t.parentCode()).isEmpty()) {
                errors.add(new FieldError(t.code(), "parent " + t.parentCode() + " is unknown"));
            }
        }
        if (territories.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("$", "no territory lines"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return pool.withTransaction(conn -> repository.upsertAll(conn, territories))
                .call(() -> refresher.changed("territories"))
                .map(n -> new ImportResult(n, 0, 0, List.of()));
    }

    private static String codeProblem(String code, String column) {
        return CODE.matcher(code).matches() ? null
                : column + " '" + abbreviate(code) + "' is not a division code (up to 16 letters, digits and '-')";
    }

    private static String nameProblem(String name) {
        if (name.length() > 64) {
            return "name is longer than 64 characters";
        }
        // A name the console's CSV reports would hand to a spreadsheet as a formula.
        return "=+@".indexOf(name.charAt(0)) >= 0 ? "name must not start with =, + or @" : null;
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    /** Imports a GeoJSON FeatureCollection whose features carry {@code properties.code} of known territories. */
    public Uni<ImportResult> importBoundaries(String geoJson) {
        JsonNode root;
        try {
            root = MAPPER.readTree(geoJson == null ? "" : geoJson);
        } catch (Exception e) {
            return Uni.createFrom().failure(ProblemException.badRequest("$", "not JSON: " + e.getMessage()));
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            return Uni.createFrom().failure(ProblemException.badRequest("type", "must be FeatureCollection"));
        }
        Map<String, String> boundaries = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        JsonNode features = root.path("features");
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String code = feature.path("properties").path("code").asText(null);
            if (code == null || index.organisation().territory(code).isEmpty()) {
                errors.add(new FieldError("features[" + i + "].properties.code", "unknown territory " + code));
                continue;
            }
            try {
                String geometry = feature.path("geometry").toString();
                Boundaries.parse(geometry);
                boundaries.put(code, geometry);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("features[" + i + "].geometry", e.getMessage()));
            }
        }
        if (boundaries.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("features", "no features"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        return pool.withTransaction(conn -> repository.setBoundaries(conn, boundaries))
                .call(() -> refresher.changed("boundaries"))
                .map(n -> new ImportResult(0, n, 0, List.of()));
    }
}
