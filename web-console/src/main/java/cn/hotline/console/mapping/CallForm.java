package cn.hotline.console.mapping;

import jakarta.ws.rs.FormParam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The operator's intake form as posted (every field optional here; intake validates and names what is wrong). */
public class CallForm {

    @FormParam("key") public String key;
    @FormParam("phone") public String phone;
    @FormParam("name") public String name;
    @FormParam("idNumber") public String idNumber;
    @FormParam("channel") public String channel;
    @FormParam("kind") public String kind;
    @FormParam("urgent") public String urgent;
    @FormParam("categoryCode") public String categoryCode;
    @FormParam("address") public String address;
    @FormParam("lat") public String lat;
    @FormParam("lon") public String lon;
    @FormParam("content") public String content;

    /** The contract's ticket shape; a number field that does not parse is passed as text so intake names it. */
    public ObjectNode toTicket() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode t = f.objectNode();
        t.put("channel", blankOr(channel, "PHONE"));
        t.put("kind", blankOr(kind, "COMPLAINT"));
        t.put("urgency", urgent != null && !urgent.isBlank() ? "URGENT" : "NORMAL");
        putText(t, "categoryCode", categoryCode);
        t.put("content", content == null ? "" : content.strip());
        ObjectNode caller = f.objectNode();
        putText(caller, "name", name);
        putText(caller, "phone", phone == null ? null : phone.replaceAll("[\\s-]", ""));
        putText(caller, "idNumber", idNumber);
        if (!caller.isEmpty()) {
            t.set("caller", caller);
        }
        ObjectNode location = f.objectNode();
        putNumber(location, "lat", lat);
        putNumber(location, "lon", lon);
        putText(location, "address", address);
        if (!location.isEmpty()) {
            t.set("location", location);
        }
        return t;
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.strip());
        }
    }

    private static void putNumber(ObjectNode node, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            node.put(field, Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            node.put(field, value.strip());
        }
    }
}
