package cn.hotline.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An access table (TSV): a header {@code operation} then one column per {@link AccessIdentity}, one row per
 * {@code METHOD /path}; {@code #} lines are comments. A cell is {@code ok} (got past authorisation: a 2xx or an
 * ordinary refusal of the request itself) or an exact status such as {@code 401}, {@code 403} or {@code 404}.
 */
public record AccessTable(List<String> identities, Map<String, Map<String, String>> rows) {

    /** Answers that mean the request got past authentication and authorisation. */
    private static final Set<Integer> PAST_AUTHORISATION = Set.of(400, 404, 409, 410, 415, 422, 429);

    /** The table on the class path at {@code resource}, or an empty one if there is none. */
    public static AccessTable read(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        List<String> identities = new ArrayList<>();
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        if (in == null) {
            return new AccessTable(identities, rows);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells[0].equals("operation")) {
                    identities.addAll(List.of(cells).subList(1, cells.length));
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i < cells.length && i <= identities.size(); i++) {
                    row.put(identities.get(i - 1), cells[i].strip());
                }
                rows.put(cells[0].strip(), row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return new AccessTable(identities, rows);
    }

    /** Whether an answer's status is what the cell expects. */
    public static boolean matches(String expected, int status) {
        return "ok".equals(expected) ? pastAuthorisation(status) : expected.equals(String.valueOf(status));
    }

    /** The cell value that describes a status: {@code ok}, or the status itself when it is not past authorisation. */
    public static String cell(int status) {
        return pastAuthorisation(status) && status != 404 ? "ok" : String.valueOf(status);
    }

    private static boolean pastAuthorisation(int status) {
        return (status >= 200 && status < 300) || PAST_AUTHORISATION.contains(status);
    }

    /** This table as TSV text. */
    public String tsv() {
        StringBuilder out = new StringBuilder("operation\t").append(String.join("\t", identities)).append('\n');
        rows.forEach((operation, row) -> {
            out.append(operation);
            identities.forEach(identity -> out.append('\t').append(row.getOrDefault(identity, "?")));
            out.append('\n');
        });
        return out.toString();
    }
}
