package org.tradeflows.ingest.reference;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Exchange rates in memory, looked up exactly as the SQL function {@code conversion_rate} (V14) picks them: a figure
 * of a year or a quarter at the annual average of its year; a figure of a month or a dated shipment at the monthly
 * average of its month, else the annual one; EUR is 1. Daily rates are not held (no figure converts at one day's
 * rate). Rates keep the scale they have in the database so that the conversion done later in SQL gives the same
 * cents as {@code to_eur} and {@code to_usd}.
 */
public final class ExchangeRateTable {

    private final Map<String, BigDecimal> monthly = new HashMap<>();
    private final Map<String, BigDecimal> annual = new HashMap<>();

    static ExchangeRateTable load(Connection c) throws SQLException {
        ExchangeRateTable table = new ExchangeRateTable();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select currency, period_kind, period_start, units_per_eur from exchange_rate "
                        + "where period_kind in ('MONTH', 'YEAR')")) {
            while (rs.next()) {
                LocalDate start = rs.getObject(3, LocalDate.class);
                if ("MONTH".equals(rs.getString(2))) {
                    table.monthly.put(rs.getString(1) + start.getYear() + "-" + start.getMonthValue(), rs.getBigDecimal(4));
                } else {
                    table.annual.put(rs.getString(1) + start.getYear(), rs.getBigDecimal(4));
                }
            }
        }
        return table;
    }

    /** @param periodKind the kind of the figure's period: YEAR, QUARTER or MONTH (MONTH for a dated shipment). */
    public BigDecimal unitsPerEur(String currency, String periodKind, LocalDate on) {
        if ("EUR".equals(currency)) {
            return BigDecimal.ONE;
        }
        BigDecimal month = "MONTH".equals(periodKind) ? monthly.get(currency + on.getYear() + "-" + on.getMonthValue()) : null;
        return month != null ? month : annual.get(currency + on.getYear());
    }
}
