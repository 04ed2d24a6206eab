package cn.hotline.stack.bench;

import java.io.IOException;
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

import cn.hotline.region.Boundaries;
import cn.hotline.region.Category;
import cn.hotline.region.CategoryCatalogue;
import cn.hotline.region.Division;
import cn.hotline.region.DivisionLevel;
import cn.hotline.region.DivisionTree;
import cn.hotline.region.RegionResources;

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
    private final List<Category> categories = new ArrayList<>();
    private final Random random;

    TicketFactory(long seed) throws IOException {
        random = new Random(seed);
        DivisionTree tree = DivisionTree.fromCsv(REGION + "huzhou-divisions.csv");
        Map<String, List<String[]>> villagesByCounty = new HashMap<>();
        for (Division village : tree.at(DivisionLevel.VILLAGE)) {
            tree.get(village.parentCode()).ifPresent(town -> villagesByCounty
                    .computeIfAbsent(town.parentCode(), k -> new ArrayList<>()).add(new String[] {town.name(), village.name()}));
        }
        for (JsonNode feature : json.readTree(RegionResources.text(REGION + "huzhou-counties.geojson")).get("features")) {
            String code = feature.get("properties").get("code").asText();
            Geometry shape = Boundaries.parse(feature.get("geometry").toString());
            counties.add(new County(code, tree.get(code).map(Division::name).orElse(code), shape.getEnvelopeInternal(),
                    PreparedGeometryFactory.prepare(shape), villagesByCounty.getOrDefault(code, List.of())));
        }
        CategoryCatalogue.region().all().stream().filter(c -> c.code().length() >= 4).forEach(categories::add);
    }

    /** The JSON body of one POST /api/v1/tickets. */
    synchronized String next() {
        County county = counties.get(random.nextInt(counties.size()));
        Point point = pointIn(county);
        String[] place = county.villages().get(random.nextInt(county.villages().size()));
        Category category = categories.get(random.nextInt(categories.size()));
        ObjectNode ticket = json.createObjectNode();
        ticket.put("channel", random.nextInt(10) < 7 ? "PHONE" : random.nextBoolean() ? "APP" : "WEB");
        ticket.put("kind", new String[] {"COMPLAINT", "HELP", "REPORT", "CONSULT", "SUGGESTION"}[random.nextInt(5)]);
        ticket.put("urgency", random.nextInt(10) == 0 ? "URGENT" : "NORMAL");
        ticket.put("categoryCode", category.code());
        ticket.put("content", String.format(CONTENTS[random.nextInt(CONTENTS.length)], category.name()));
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

    /** A county: its boundary (prepared for fast contains) and the town/village names inside it. */
    private record County(String code, String name, Envelope box, PreparedGeometry shape, List<String[]> villages) {
    }
}
