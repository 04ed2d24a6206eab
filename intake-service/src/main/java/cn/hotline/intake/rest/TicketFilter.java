package cn.hotline.intake.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.QueryParam;

import cn.hotline.intake.domain.Channel;
import cn.hotline.intake.domain.TicketStatus;
import cn.hotline.intake.mapping.Patterns;
import cn.hotline.intake.service.TicketQuery;
import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;

/** Query parameters of GET /api/v1/tickets, parsed here so a bad one is a 400 naming it. */
public class TicketFilter {

    @QueryParam("status") String status;
    @QueryParam("channel") String channel;
    @QueryParam("territory") String territory;
    @QueryParam("categoryCode") String categoryCode;
    @QueryParam("callerPhone") String callerPhone;
    @QueryParam("from") String from;
    @QueryParam("to") String to;
    @QueryParam("after") String after;
    @QueryParam("limit") String limit;

    TicketQuery toQuery() {
        List<Problem.FieldError> errors = new ArrayList<>();
        TicketStatus statusValue = parseEnum(TicketStatus.class, "status", status, errors);
        Channel channelValue = parseEnum(Channel.class, "channel", channel, errors);
        if (territory != null && !territory.matches("^\\d{6}(\\d{3}(\\d{3})?)?$")) {
            errors.add(new Problem.FieldError("territory", "must be a county (6), town (9) or village (12 digit) code"));
        }
        if (categoryCode != null && !categoryCode.matches("^\\d{2,12}$")) {
            errors.add(new Problem.FieldError("categoryCode", "must be a category code"));
        }
        if (callerPhone != null && !callerPhone.matches(Patterns.PHONE)) {
            errors.add(new Problem.FieldError("callerPhone", Patterns.PHONE_MESSAGE));
        }
        if (after != null && !after.matches("^[A-Z]{1,4}\\d{14}$")) {
            errors.add(new Problem.FieldError("after", "must be the 'next' cursor of a previous page"));
        }
        Instant fromValue = parseInstant("from", from, errors);
        Instant toValue = parseInstant("to", to, errors);
        int limitValue = 20;
        if (limit != null) {
            try {
                limitValue = Integer.parseInt(limit);
                if (limitValue < 1 || limitValue > 200) {
                    errors.add(new Problem.FieldError("limit", "must be between 1 and 200"));
                }
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("limit", "must be a number"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new TicketQuery(statusValue, channelValue, territory, categoryCode, callerPhone, fromValue, toValue, after, limitValue);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "unknown value '" + value + "'; allowed: " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    static Instant parseInstant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-21T08:00:00+08:00"));
            return null;
        }
    }
}
