package org.tradeflows.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type an export column has in the typed formats (Parquet, Arrow, NDJSON's numbers), read from the statement's
 * own result description: codes and names stay text (HS codes keep their leading zeros), numbers declared with a
 * scale keep it, dates stay dates, booleans booleans.
 *
 * <p>A number the database computes (a sum, a share) has no declared scale; its scale is the one of what it sums,
 * stated here once by column name ({@link #COMPUTED_SCALES}), and a value that does not fit it fails the export
 * instead of being rounded — except quotients (shares), rounded half-even to 20 decimals.
 */
record ColumnType(String name, Kind kind, int precision, int scale) {

    enum Kind { TEXT, BOOLEAN, INT32, INT64, DECIMAL, DOUBLE, DATE, TIMESTAMP }

    /** The widest decimal Parquet and Arrow both hold in 16 bytes. */
    static final int MAX_PRECISION = 38;

    /** Scales of computed numbers: sums keep the scale of the summed column (numeric(24, 2) money, (24, 3) weights). */
    static final Map<String, Integer> COMPUTED_SCALES = Map.of(
            "value", 2, "value_eur", 2, "value_usd", 2,
            "net_weight_kg", 3, "quantity", 3,
            "share_of_total", 20);
    /** Quotients, never exact in decimal: rounded half-even to their scale (the sums above never are). */
    static final Set<String> QUOTIENTS = Set.of("share_of_total");
    /** Any other computed number: exact to 10 decimals, or the export fails. */
    static final int DEFAULT_COMPUTED_SCALE = 10;

    static List<ColumnType> of(ResultSetMetaData meta, List<String> names) throws SQLException {
        List<ColumnType> types = new ArrayList<>(names.size());
        for (int i = 1; i <= names.size(); i++) {
            types.add(of(names.get(i - 1), meta.getColumnType(i), meta.getPrecision(i), meta.getScale(i)));
        }
        return types;
    }

    static ColumnType of(String name, int sqlType, int precision, int scale) {
        return switch (sqlType) {
            case Types.BOOLEAN, Types.BIT -> new ColumnType(name, Kind.BOOLEAN, 0, 0);
            case Types.SMALLINT, Types.TINYINT, Types.INTEGER -> new ColumnType(name, Kind.INT32, 0, 0);
            case Types.BIGINT -> new ColumnType(name, Kind.INT64, 0, 0);
            case Types.DOUBLE, Types.REAL, Types.FLOAT -> new ColumnType(name, Kind.DOUBLE, 0, 0);
            case Types.DATE -> new ColumnType(name, Kind.DATE, 0, 0);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> new ColumnType(name, Kind.TIMESTAMP, 0, 0);
            case Types.NUMERIC, Types.DECIMAL -> precision > 0 && precision <= MAX_PRECISION
                    ? new ColumnType(name, Kind.DECIMAL, precision, scale)
                    : new ColumnType(name, Kind.DECIMAL, MAX_PRECISION, COMPUTED_SCALES.getOrDefault(name, DEFAULT_COMPUTED_SCALE));
            default -> new ColumnType(name, Kind.TEXT, 0, 0);
        };
    }

    /** Numbers and booleans: JSON writes them unquoted, CSV leaves them alone (-5 stays a number). */
    boolean typed() {
        return kind != Kind.TEXT && kind != Kind.DATE && kind != Kind.TIMESTAMP;
    }

    /** A value at this column's scale; one with more decimals fails rather than being rounded, but for quotients. */
    BigDecimal scaled(BigDecimal value) {
        if (QUOTIENTS.contains(name)) {
            return value.setScale(scale, RoundingMode.HALF_EVEN);
        }
        try {
            return value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("column " + name + ": " + value.toPlainString() + " has more than " + scale
                    + " decimals", e);
        }
    }
}
