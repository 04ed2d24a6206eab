package cn.hotline.routing.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.hotline.support.problem.Problem.FieldError;

/** Field checks of one roster import against the organisation, collecting every error with its field. */
final class RosterFields {


    final OrganisationSnapshot org;
    final int maxDays;
    final List<FieldError> errors = new ArrayList<>();

    RosterFields(OrganisationSnapshot org, int maxDays) {
        this.org = org;
        this.maxDays = maxDays;
    }

    /** The field {@code name} of the item at {@code at} (an item without a label is the whole body). */
    static String field(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    boolean present(String at, Object item) {
        if (item == null) {
            errors.add(new FieldError(at.isEmpty() ? "$" : at, "must not be null"));
        }
        return item != null;
    }

    String unit(String at, String code) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field(at, "unitCode"), "is required"));
        } else if (org.unit(code).isEmpty()) {
            errors.add(new FieldError(field(at, "unitCode"), "unknown unit " + code));
        }
        return code;
    }

    String person(String field, String id) {
        if (id == null || id.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (org.person(id).isEmpty()) {
            errors.add(new FieldError(field, "unknown person " + id));
        }
        return id;
    }

    LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date yyyy-MM-dd"));
            return null;
        }
    }

    /** Every date from..to inclusive ({@code to} absent: just {@code from}). */
    List<LocalDate> dates(String at, String from, String to) {
        LocalDate first = date(field(at, "from"), from);
        LocalDate last = to == null || to.isBlank() ? first : date(field(at, "to"), to);
        if (first == null || last == null) {
            return List.of();
        }
        long span = ChronoUnit.DAYS.between(first, last) + 1;
        if (span < 1) {
            errors.add(new FieldError(field(at, "to"), "must not be before from"));
            return List.of();
        }
        if (span > maxDays) {
            errors.add(new FieldError(field(at, "to"), "covers " + span + " days; at most " + maxDays));
            return List.of();
        }
        return first.datesUntil(last.plusDays(1)).toList();
    }

    LocalTime time(String field, String value) {
        if (value == null || !value.strip().matches("\\d{2}:\\d{2}")) {
            errors.add(new FieldError(field, "must be HH:mm"));
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be HH:mm"));
            return null;
        }
    }

    String reason(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        length(field, value, 500);
        return value.strip();
    }

    void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
    }
}
