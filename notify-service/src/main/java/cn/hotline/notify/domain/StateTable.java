package cn.hotline.notify.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** One kind of message's states and the moves allowed between them; staying in a state is always allowed. */
public final class StateTable<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> rows;

    StateTable(Class<S> type) {
        this.type = type;
        this.rows = new EnumMap<>(type);
        for (S state : type.getEnumConstants()) {
            rows.put(state, EnumSet.noneOf(type));
        }
    }

    @SafeVarargs
    final StateTable<S> row(S from, S... to) {
        rows.get(from).addAll(Set.of(to));
        return this;
    }

    /** Whether the table has the move {@code from} → {@code to} (a row, not the implicit stay). */
    public boolean allows(S from, S to) {
        return rows.get(from).contains(to);
    }

    /** {@code to}, if {@code from} may move there (or is there already); else an IllegalStateException naming {@code what}. */
    public S move(Object what, S from, S to) {
        if (from != to && !allows(from, to)) {
            throw new IllegalStateException(what + " cannot go from " + from + " to " + to);
        }
        return to;
    }

    /** The states a set-based update may move to {@code to} from. */
    public Set<S> sources(S to) {
        Set<S> sources = EnumSet.noneOf(type);
        rows.forEach((from, targets) -> {
            if (targets.contains(to)) {
                sources.add(from);
            }
        });
        return sources;
    }
}
