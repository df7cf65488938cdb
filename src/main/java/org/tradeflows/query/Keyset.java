package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.util.ArrayList;
import java.util.List;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.sql.Sql;

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

    public static Sql orderBy(List<Column> columns) {
        List<Sql> parts = new ArrayList<>();
        for (Column c : columns) {
            parts.add(sql(c.expression() + (c.descending() ? " desc" : " asc") + " nulls last"));
        }
        return Sql.join(parts, ", ");
    }

    /**
     * Rows strictly after the cursor in {@link #orderBy} order: for each column i, all earlier columns equal and
     * column i after. A null cursor value sorts last, so nothing is after it in that column.
     */
    public static Sql after(List<Column> columns, List<String> cursor) {
        if (cursor.size() != columns.size()) {
            throw new IllegalArgumentException("cursor has " + cursor.size() + " values for " + columns.size() + " columns");
        }
        List<Sql> alternatives = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String v = cursor.get(i);
            if (v == null) {
                continue; // nothing sorts after an empty value in this column
            }
            List<Sql> conjunction = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                conjunction.add(equal(columns.get(j), cursor.get(j)));
            }
            conjunction.add(sql("(" + c.expression() + (c.descending() ? " < " : " > ") + "cast({} as " + c.sqlType()
                    + ") or " + c.expression() + " is null)", value(v)));
            alternatives.add(Sql.join(conjunction, " and ").parens());
        }
        if (alternatives.isEmpty()) {
            return Sql.FALSE;
        }
        return Sql.join(alternatives, " or ").parens();
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

    private static Sql equal(Column c, String value) {
        return value == null ? sql(c.expression() + " is null")
                : sql(c.expression() + " = cast({} as " + c.sqlType() + ")", value(value));
    }
}
