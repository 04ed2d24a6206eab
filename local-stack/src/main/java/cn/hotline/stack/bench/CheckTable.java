package cn.hotline.stack.bench;

import java.util.ArrayList;
import java.util.List;

/** The chaos check's table: a row per check (expected, found, ok or FAIL) and rows that only inform. */
final class CheckTable {

    private final List<String[]> rows = new ArrayList<>();
    private int failures;

    /** A check: {@code ok} false counts as a failure. */
    void row(String name, long expected, long found, boolean ok) {
        rows.add(new String[] {name, String.valueOf(expected), String.valueOf(found), ok ? "ok" : "FAIL"});
        if (!ok) {
            failures++;
        }
    }

    /** A number worth seeing beside the checks, with no verdict. */
    void info(String name, long found) {
        rows.add(new String[] {name, "", String.valueOf(found), ""});
    }

    int failures() {
        return failures;
    }

    void print() {
        System.out.println();
        System.out.printf("%-60s %10s %10s  %s%n", "check", "expected", "found", "verdict");
        for (String[] row : rows) {
            System.out.printf("%-60s %10s %10s  %s%n", (Object[]) row);
        }
        System.out.println();
    }
}
