package org.tradeflows.query;

import java.util.ArrayList;
import java.util.List;

/** Conditions joined by AND, each a fixed SQL fragment with bound parameters; user text never enters the SQL. */
public final class Where {

    /** A piece of SQL with its parameters in order of appearance. */
    public record Fragment(String sql, List<Object> params) {
    }

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public Where and(String clause, Object... values) {
        clauses.add(clause);
        params.addAll(List.of(values));
        return this;
    }

    /** Adds the clause only when the value is given (non-null, non-empty list). */
    public Where andIf(Object value, String clause, Object... values) {
        if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
            and(clause, values);
        }
        return this;
    }

    public String sql() {
        return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
    }

    public List<Object> params() {
        return List.copyOf(params);
    }

    /** The parameters followed by more (for keyset and limit). */
    public List<Object> params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all;
    }

    /** Escapes LIKE wildcards so that user text matches literally. */
    public static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
