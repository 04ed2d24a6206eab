package cn.hotline.routing.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import cn.hotline.routing.mapping.RosterImport.Batch;
import cn.hotline.routing.mapping.RosterImport.ExceptionImport;
import cn.hotline.routing.mapping.RosterImport.Labeled;
import cn.hotline.routing.mapping.RosterImport.ShiftImport;
import cn.hotline.routing.mapping.RosterImport.SwapImport;
import cn.hotline.support.problem.ProblemException;

/**
 * Reads a dated roster import from CSV with a header line:
 * {@code type,unitCode,personId,from,to,starts,ends,toPersonId,reason,roster}, where {@code type} is SHIFT, OFF or
 * SWAP (for a SWAP, {@code personId} gives the duty, {@code from} is its date, {@code toPersonId} takes it).
 */
final class RosterCsv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private RosterCsv() {
    }

    static Batch parse(String csv) {
        List<Labeled<ShiftImport>> shifts = new ArrayList<>();
        List<Labeled<ExceptionImport>> exceptions = new ArrayList<>();
        List<Labeled<SwapImport>> swaps = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            return new Batch(shifts, exceptions, swaps);
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class).with(schema)
                .readValues(csv.strip())) {
            int line = 1;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                line++;
                String at = "line " + line;
                String type = blankToNull(row.get("type"));
                switch (type == null ? "" : type.toUpperCase(Locale.ROOT)) {
                    case "SHIFT" -> shifts.add(new Labeled<>(at, new ShiftImport(v(row, "unitCode"), v(row, "personId"),
                            v(row, "from"), v(row, "to"), v(row, "starts"), v(row, "ends"), v(row, "roster"),
                            v(row, "reason"))));
                    case "OFF" -> exceptions.add(new Labeled<>(at, new ExceptionImport(v(row, "unitCode"),
                            v(row, "personId"), v(row, "from"), v(row, "to"), v(row, "reason"))));
                    case "SWAP" -> swaps.add(new Labeled<>(at, new SwapImport(v(row, "unitCode"), v(row, "from"),
                            v(row, "personId"), v(row, "toPersonId"), v(row, "reason"), v(row, "requestedBy"))));
                    default -> throw ProblemException.badRequest(at + ".type", "must be SHIFT, OFF or SWAP");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest("body", "not CSV with the header "
                    + "type,unitCode,personId,from,to,starts,ends,toPersonId,reason,roster: " + e.getMessage());
        }
        return new Batch(shifts, exceptions, swaps);
    }

    private static String v(Map<String, String> row, String column) {
        return blankToNull(row.get(column));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
