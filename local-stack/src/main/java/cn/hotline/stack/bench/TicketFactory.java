package cn.hotline.stack.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Realistic tickets across Huzhou: a point inside a county's boundary, an address naming a town and
 * village of that county, a leaf category, a plausible channel/kind/urgency mix and a fresh mobile number.
 */
final class TicketFactory {

    private static final String REGION = "hotline/region/";
    private static final String[] CONTENTS = {"反映%s问题，已持续多日，请尽快处理", "%s，影响居民正常生活", "市民来电：%s，希望相关部门核实",
        "%s，多次反映未解决", "咨询%s相关政策"};

    private final ObjectMapper json = new ObjectMapper();
    private final GeometryFactory geometry = new GeometryFactory();
    private final List<County> counties = new ArrayList<>();
    private final List<String[]> categories = new ArrayList<>();
    private final Random random;

    TicketFactory(long seed) throws IOException {
        random = new Random(seed);
        Map<String, List<String[]>> villagesByCounty = new HashMap<>();
        Map<String, String[]> byCode = new HashMap<>();
        for (String[] row : csv("huzhou-divisions.csv")) {
            byCode.put(row[0], row);
        }
        for (String[] row : byCode.values()) {
            if ("village".equals(row[2])) {
                String[] town = byCode.get(row[3]);
                villagesByCounty.computeIfAbsent(town[3], k -> new ArrayList<>()).add(new String[] {town[1], row[1]});
            }
        }
        JsonNode features = json.readTree(resource("huzhou-counties.geojson")).get("features");
        for (JsonNode feature : features) {
            String code = feature.get("properties").get("code").asText();
            Geometry shape = polygon(feature.get("geometry"));
            counties.add(new County(code, byCode.get(code)[1], shape.getEnvelopeInternal(),
                    PreparedGeometryFactory.prepare(shape), villagesByCounty.getOrDefault(code, List.of())));
        }
        for (String[] row : csv("categories.csv")) {
            if (row[0].length() >= 4) {
                categories.add(row);
            }
        }
    }

    /** The JSON body of one POST /api/v1/tickets. */
    synchronized String next() {
        County county = counties.get(random.nextInt(counties.size()));
        Point point = pointIn(county);
        String[] place = county.villages().get(random.nextInt(county.villages().size()));
        String[] category = categories.get(random.nextInt(categories.size()));
        ObjectNode ticket = json.createObjectNode();
        ticket.put("channel", random.nextInt(10) < 7 ? "PHONE" : random.nextBoolean() ? "APP" : "WEB");
        ticket.put("kind", new String[] {"COMPLAINT", "HELP", "REPORT", "CONSULT", "SUGGESTION"}[random.nextInt(5)]);
        ticket.put("urgency", random.nextInt(10) == 0 ? "URGENT" : "NORMAL");
        ticket.put("categoryCode", category[0]);
        ticket.put("content", String.format(CONTENTS[random.nextInt(CONTENTS.length)], category[1]));
        ObjectNode caller = ticket.putObject("caller");
        caller.put("name", "市民" + (1000 + random.nextInt(9000)));
        caller.put("phone", "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
        ObjectNode location = ticket.putObject("location");
        location.put("lat", Math.round(point.getY() * 1e6) / 1e6);
        location.put("lon", Math.round(point.getX() * 1e6) / 1e6);
        location.put("address", county.name() + place[0] + place[1]);
        return ticket.toString();
    }

    private Point pointIn(County county) {
        Envelope box = county.box();
        while (true) {
            Point candidate = geometry.createPoint(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight()));
            if (county.shape().contains(candidate)) {
                return candidate;
            }
        }
    }

    private Geometry polygon(JsonNode geometryNode) {
        List<Geometry> parts = new ArrayList<>();
        JsonNode coordinates = geometryNode.get("coordinates");
        boolean multi = "MultiPolygon".equals(geometryNode.get("type").asText());
        for (JsonNode polygonNode : multi ? coordinates : List.of(coordinates)) {
            JsonNode ring = polygonNode.get(0);
            Coordinate[] shell = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                shell[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
            }
            parts.add(geometry.createPolygon(shell));
        }
        return geometry.buildGeometry(parts);
    }

    private List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TicketFactory.class.getClassLoader().getResourceAsStream(REGION + name);
        if (in == null) {
            throw new IOException("missing " + REGION + name + " on the classpath");
        }
        return in;
    }

    /** A county: its boundary (prepared for fast contains) and the town/village names inside it. */
    private record County(String code, String name, Envelope box, PreparedGeometry shape, List<String[]> villages) {
    }
}
