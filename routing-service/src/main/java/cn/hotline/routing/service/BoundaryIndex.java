package cn.hotline.routing.service;

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

import cn.hotline.routing.domain.Territory;

/** Spatial index (STR-tree over prepared polygons) of the territories that have a boundary. */
public final class BoundaryIndex {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final STRtree tree = new STRtree();
    private final int size;

    private record Entry(Territory territory, PreparedGeometry geometry) {
    }

    public BoundaryIndex(List<Territory> territories) {
        int n = 0;
        for (Territory t : territories) {
            if (t.boundary() != null && !t.boundary().isBlank()) {
                Geometry geometry = parse(t.boundary());
                tree.insert(geometry.getEnvelopeInternal(), new Entry(t, PreparedGeometryFactory.prepare(geometry)));
                n++;
            }
        }
        tree.build();
        size = n;
    }

    public int size() {
        return size;
    }

    /** The deepest territory whose boundary contains the point, if any. */
    @SuppressWarnings("unchecked")
    public Optional<Territory> locate(double lat, double lon) {
        Point point = FACTORY.createPoint(new Coordinate(lon, lat));
        List<Entry> hits = new ArrayList<>();
        for (Object candidate : tree.query(point.getEnvelopeInternal())) {
            Entry entry = (Entry) candidate;
            if (entry.geometry().covers(point)) {
                hits.add(entry);
            }
        }
        return hits.stream().map(Entry::territory).max(Comparator.comparing(Territory::level));
    }

    /** Parses a GeoJSON Polygon or MultiPolygon geometry; throws IllegalArgumentException otherwise. */
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
