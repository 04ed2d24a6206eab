package cn.hotline.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Point-in-polygon over the divisions that have a boundary (GeoJSON, prepared JTS polygons in an STR-tree). */
public final class Boundaries {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A division's boundary: its code, level and GeoJSON Polygon or MultiPolygon geometry. */
    public record Boundary(String code, DivisionLevel level, String geoJson) {
    }

    private record Entry(String code, DivisionLevel level, PreparedGeometry geometry) {
    }

    private final STRtree tree = new STRtree();
    private final int size;

    public Boundaries(List<Boundary> boundaries) {
        for (Boundary b : boundaries) {
            Geometry geometry = parse(b.geoJson());
            tree.insert(geometry.getEnvelopeInternal(), new Entry(b.code(), b.level(), PreparedGeometryFactory.prepare(geometry)));
        }
        tree.build();
        size = boundaries.size();
    }

    /** The region's boundaries from a GeoJSON FeatureCollection (properties {@code code}, {@code level}). */
    public static Boundaries fromFeatureCollection(String resource) {
        try {
            List<Boundary> boundaries = new ArrayList<>();
            for (JsonNode feature : MAPPER.readTree(RegionResources.text(resource)).path("features")) {
                JsonNode properties = feature.path("properties");
                boundaries.add(new Boundary(properties.path("code").asText(),
                        DivisionLevel.parse(properties.path("level").asText("county")), feature.path("geometry").toString()));
            }
            return new Boundaries(boundaries);
        } catch (IOException e) {
            throw new UncheckedIOException("boundaries " + resource + " unreadable", e);
        }
    }

    public int size() {
        return size;
    }

    /** The code of the deepest division whose boundary covers the point, if any. */
    public Optional<String> locate(double lat, double lon) {
        Point point = FACTORY.createPoint(new Coordinate(lon, lat));
        List<Entry> hits = new ArrayList<>();
        for (Object candidate : tree.query(point.getEnvelopeInternal())) {
            Entry entry = (Entry) candidate;
            if (entry.geometry().covers(point)) {
                hits.add(entry);
            }
        }
        return hits.stream().max(Comparator.comparing(Entry::level)).map(Entry::code);
    }

    /** Parses a GeoJSON Polygon or MultiPolygon geometry; anything else is an IllegalArgumentException saying why. */
    public static Geometry parse(String geoJson) {
        try {
            JsonNode node = MAPPER.readTree(geoJson);
            String type = node.path("type").asText();
            JsonNode coordinates = node.path("coordinates");
            return switch (type) {
                case "Polygon" -> polygon(coordinates);
                case "MultiPolygon" -> {
                    List<Polygon> polygons = new ArrayList<>();
                    coordinates.forEach(p -> polygons.add(polygon(p)));
                    yield FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
                }
                default -> throw new IllegalArgumentException("geometry type must be Polygon or MultiPolygon, not '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a GeoJSON geometry: " + e.getMessage(), e);
        }
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        List<Coordinate> coordinates = new ArrayList<>();
        for (JsonNode p : points) {
            coordinates.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
        }
        if (coordinates.size() < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 positions");
        }
        if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            coordinates.add(coordinates.get(0));
        }
        return FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }
}
