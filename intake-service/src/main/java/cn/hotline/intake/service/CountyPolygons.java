package cn.hotline.intake.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

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

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.region.RegionResources;

/** Point-in-polygon over the imported county boundaries (GeoJSON), indexed with an STRtree. */
@Singleton
public class CountyPolygons {

    private final GeometryFactory factory = new GeometryFactory();
    private final STRtree index = new STRtree();

    public CountyPolygons(IntakeConfig config) {
        try (InputStream in = RegionResources.open(config.region().countiesGeojson())) {
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode feature : root.path("features")) {
                String code = feature.path("properties").path("code").asText();
                Geometry geometry = geometry(feature.path("geometry"));
                index.insert(geometry.getEnvelopeInternal(), new County(code, PreparedGeometryFactory.prepare(geometry)));
            }
            index.build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read county boundaries", e);
        }
    }

    /** The county whose polygon contains (lon, lat), if any. */
    public Optional<String> countyAt(double lat, double lon) {
        Point point = factory.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<County> candidates = index.query(point.getEnvelopeInternal());
        return candidates.stream().filter(c -> c.shape().covers(point)).map(County::code).findFirst();
    }

    private Geometry geometry(JsonNode node) {
        String type = node.path("type").asText();
        if ("Polygon".equals(type)) {
            return polygon(node.path("coordinates"));
        }
        if ("MultiPolygon".equals(type)) {
            JsonNode parts = node.path("coordinates");
            Polygon[] polygons = new Polygon[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                polygons[i] = polygon(parts.get(i));
            }
            return factory.createMultiPolygon(polygons);
        }
        throw new IllegalStateException("unsupported boundary geometry " + type);
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            Coordinate[] closed = java.util.Arrays.copyOf(coordinates, coordinates.length + 1);
            closed[coordinates.length] = coordinates[0];
            coordinates = closed;
        }
        return factory.createLinearRing(coordinates);
    }

    private record County(String code, PreparedGeometry shape) {
    }
}
