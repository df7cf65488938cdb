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
 * Exchange rates in memory, looked up exactly as the SQL function {@code units_per_eur} does: the monthly rate where
 * one is known, else the annual one; EUR is 1. Rates keep the scale they have in the database so that the
 * conversion done later in SQL gives the same cents as {@code to_eur} and {@code to_usd}.
 */
public final class ExchangeRateTable {

    private final Map<String, BigDecimal> monthly = new HashMap<>();
    private final Map<String, BigDecimal> annual = new HashMap<>();

    static ExchangeRateTable load(Connection c) throws SQLException {
        ExchangeRateTable table = new ExchangeRateTable();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select currency, period_kind, period_start, units_per_eur from exchange_rate")) {
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

    public BigDecimal unitsPerEur(String currency, LocalDate on) {
        if ("EUR".equals(currency)) {
            return BigDecimal.ONE;
        }
        BigDecimal month = monthly.get(currency + on.getYear() + "-" + on.getMonthValue());
        return month != null ? month : annual.get(currency + on.getYear());
    }
}
