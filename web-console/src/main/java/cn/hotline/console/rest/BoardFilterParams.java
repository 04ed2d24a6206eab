package cn.hotline.console.rest;

import jakarta.ws.rs.QueryParam;

import cn.hotline.console.service.BoardService;

/** The board's filters as query parameters (kept in the address bar, so a filtered board can be bookmarked). */
public class BoardFilterParams {

    @QueryParam("county") public String county;
    @QueryParam("town") public String town;
    @QueryParam("unit") public String unit;
    @QueryParam("state") public String state;
    @QueryParam("urgency") public String urgency;
    @QueryParam("overdue") public String overdue;
    @QueryParam("queue") public String queue;
    @QueryParam("page") public Integer page;

    public BoardService.Filter toFilter() {
        return new BoardService.Filter(code(county, "^\\d{6}$"), code(town, "^\\d{9}$"), code(unit, "^[A-Za-z0-9_-]{1,64}$"),
                code(state, "^[A-Z_]{3,20}$"), code(urgency, "^(URGENT|NORMAL)$"), overdue != null && !overdue.isBlank(),
                code(queue, "^(AUTO|MANUAL)$"), page == null ? 1 : page);
    }

    /** The same filters as a query string, for the rows fragment and the pager. */
    public String query(int pageNumber) {
        StringBuilder q = new StringBuilder();
        append(q, "county", county);
        append(q, "town", town);
        append(q, "unit", unit);
        append(q, "state", state);
        append(q, "urgency", urgency);
        append(q, "overdue", overdue);
        append(q, "queue", queue);
        append(q, "page", String.valueOf(pageNumber));
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append(q.length() == 0 ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A bad value is dropped (shown as "all"), never sent on to the services. */
    private static String code(String value, String pattern) {
        return value == null || value.isBlank() || !value.strip().matches(pattern) ? null : value.strip();
    }
}
