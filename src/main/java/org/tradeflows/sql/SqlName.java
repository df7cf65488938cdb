package org.tradeflows.sql;

/**
 * SQL text that comes from a constant of our own (an enum of column aliases, joins, fixed expressions), never from a
 * request: the one way text that varies enters a statement other than as a bound value.
 */
public interface SqlName {

    /** The SQL text; contains no {@code ?} (values enter only through {@link Sql#value}). */
    String sql();
}
