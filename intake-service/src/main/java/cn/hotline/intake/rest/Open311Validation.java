package cn.hotline.intake.rest;

import cn.hotline.intake.mapping.Patterns;

/** Checks an Open311 POST form; answers with the GeoReport error description, or null when the form is fine. */
final class Open311Validation {

    private Open311Validation() {
    }

    static String invalid(java.util.function.Predicate<String> serviceExists, String serviceCode, String lat, String lon, String address, String description, String phone,
            String firstName, String lastName, String mediaUrl) {
        if (blank(serviceCode) || !serviceExists.test(serviceCode)) {
            return "service_code is missing or not a known service";
        }
        if (blank(lat) != blank(lon)) {
            return "lat and long must be given together";
        }
        if (blank(lat) && blank(address)) {
            return "a location is required: lat and long, or address_string";
        }
        if (!blank(lat) && (outOfRange(lat, 90) || outOfRange(lon, 180))) {
            return "lat must be within [-90,90] and long within [-180,180]";
        }
        if (blank(description) || description.length() > 4000 || !description.matches(Patterns.TEXT)) {
            return "description is required (at most 4000 characters, no control characters)";
        }
        if (!blank(phone) && !phone.strip().matches(Patterns.PHONE)) {
            return "phone " + Patterns.PHONE_MESSAGE;
        }
        for (String line : new String[] {address, firstName, lastName, mediaUrl}) {
            if (line != null && (line.length() > 256 || !line.matches(Patterns.LINE))) {
                return "address_string, first_name, last_name and media_url must be single lines of at most 256 characters";
            }
        }
        return null;
    }

    private static boolean outOfRange(String value, double limit) {
        Double number = number(value);
        return number == null || Math.abs(number) > limit;
    }

    static Double number(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
