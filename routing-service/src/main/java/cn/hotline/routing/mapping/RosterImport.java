package cn.hotline.routing.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * A dated roster import as the admin API takes it in JSON: shifts (a holiday duty roster such as 国庆值班表 is a
 * set of them), exceptions (weekly duty removed on dates) and swaps (换班). Dates are ISO {@code yyyy-MM-dd},
 * times {@code HH:mm} in the roster's zone; {@code roster} names the shifts that do not name their own.
 */
public record RosterImport(String roster, List<ShiftImport> shifts, List<ExceptionImport> exceptions,
        List<SwapImport> swaps) {

    /** Duty every date from {@code from} to {@code to} (inclusive; {@code to} absent: one date), starts–ends. */
    public record ShiftImport(String unitCode, String personId, String from, String to, String starts, String ends,
            String roster, String note) {
    }

    /** No weekly duty for the person on every date from {@code from} to {@code to} (inclusive), with the reason. */
    public record ExceptionImport(String unitCode, String personId, String from, String to, String reason) {
    }

    /** The duty {@code fromPersonId} has on {@code date} goes to {@code toPersonId}, for {@code reason}. */
    public record SwapImport(String unitCode, String date, String fromPersonId, String toPersonId, String reason,
            String requestedBy) {
    }

    /** One item of an import with where it came from ({@code shifts[0]}, {@code line 3}) for error fields. */
    public record Labeled<T>(String at, T item) {
    }

    /** An import's items, labelled, in the order they are applied: shifts, then exceptions, then swaps. */
    public record Batch(List<Labeled<ShiftImport>> shifts, List<Labeled<ExceptionImport>> exceptions,
            List<Labeled<SwapImport>> swaps) {

        public boolean isEmpty() {
            return shifts.isEmpty() && exceptions.isEmpty() && swaps.isEmpty();
        }
    }

    /** This JSON import as a batch, each item labelled by its JSON path; the top-level roster name filled in. */
    public Batch batch() {
        List<Labeled<ShiftImport>> s = new ArrayList<>();
        List<ShiftImport> shiftList = shifts == null ? List.of() : shifts;
        for (int i = 0; i < shiftList.size(); i++) {
            ShiftImport x = shiftList.get(i);
            s.add(new Labeled<>("shifts[" + i + "]", x == null || x.roster() != null || roster == null ? x
                    : new ShiftImport(x.unitCode(), x.personId(), x.from(), x.to(), x.starts(), x.ends(), roster,
                            x.note())));
        }
        return new Batch(s, label("exceptions", exceptions), label("swaps", swaps));
    }

    private static <T> List<Labeled<T>> label(String name, List<T> items) {
        List<Labeled<T>> result = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            result.add(new Labeled<>(name + "[" + i + "]", items.get(i)));
        }
        return result;
    }
}
