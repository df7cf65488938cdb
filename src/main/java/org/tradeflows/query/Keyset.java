package org.tradeflows.query;

import java.util.ArrayList;
import java.util.List;
import org.tradeflows.model.BadUserInputException;

/**
 * Keyset pagination over any list of sort columns with mixed directions and empty values last: renders the
 * ORDER BY and the "strictly after this cursor" condition. Cursor values travel as text and are cast back to
 * each column's SQL type, so the comparison is the database's own.
 */
public final class Keyset {

    /** A sort column: a fixed SQL expression (never user text), its SQL type and direction. */
    public record Column(String expression, String sqlType, boolean descending) {
    }

    private Keyset() {
    }

    public static String orderBy(List<Column> columns) {
        List<String> parts = new ArrayList<>();
        for (Column c : columns) {
            parts.add(c.expression() + (c.descending() ? " desc" : " asc") + " nulls last");
        }
        return String.join(", ", parts);
    }

    /**
     * Rows strictly after the cursor in {@link #orderBy} order: for each column i, all earlier columns equal and
     * column i after. A null cursor value sorts last, so nothing is after it in that column.
     */
    public static Where.Fragment after(List<Column> columns, List<String> cursor) {
        if (cursor.size() != columns.size()) {
            throw new IllegalArgumentException("cursor has " + cursor.size() + " values for " + columns.size() + " columns");
        }
        List<String> alternatives = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            List<String> conjunction = new ArrayList<>();
            List<Object> conjunctionParams = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                equal(columns.get(j), cursor.get(j), conjunction, conjunctionParams);
            }
            Column c = columns.get(i);
            String v = cursor.get(i);
            if (v == null) {
                continue; // nothing sorts after an empty value in this column
            }
            conjunction.add("(" + c.expression() + (c.descending() ? " < " : " > ") + "cast(? as " + c.sqlType() + ") or "
                    + c.expression() + " is null)");
            conjunctionParams.add(v);
            alternatives.add("(" + String.join(" and ", conjunction) + ")");
            params.addAll(conjunctionParams);
        }
        if (alternatives.isEmpty()) {
            return new Where.Fragment("false", List.of());
        }
        return new Where.Fragment("(" + String.join(" or ", alternatives) + ")", params);
    }

    /** Checks that cursor values parse as their columns' types, so a forged cursor is a user error, not a SQL one. */
    public static void check(List<Column> columns, List<String> cursor) {
        if (cursor.size() != columns.size()) {
            throw invalidCursor();
        }
        for (int i = 0; i < columns.size(); i++) {
            String v = cursor.get(i);
            if (v == null) {
                continue;
            }
            try {
                switch (columns.get(i).sqlType()) {
                    case "numeric" -> new java.math.BigDecimal(v);
                    case "bigint" -> Long.parseLong(v);
                    case "int" -> Integer.parseInt(v);
                    case "date" -> java.time.LocalDate.parse(v);
                    case "boolean" -> {
                        if (!List.of("t", "f", "true", "false").contains(v)) {
                            throw new IllegalArgumentException(v);
                        }
                    }
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                throw invalidCursor();
            }
        }
    }

    private static BadUserInputException invalidCursor() {
        return new BadUserInputException(
                "after: the cursor belongs to another grouping or ordering; use a cursor returned by the same query");
    }

    private static void equal(Column c, String value, List<String> sql, List<Object> params) {
        if (value == null) {
            sql.add(c.expression() + " is null");
        } else {
            sql.add(c.expression() + " = cast(? as " + c.sqlType() + ")");
            params.add(value);
        }
    }
}
