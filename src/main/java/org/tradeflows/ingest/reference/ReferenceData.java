package org.tradeflows.ingest.reference;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The codes every row is checked against, read once per load inside its transaction so that validation needs no
 * query per row: ISO countries (alpha-2, alpha-3, numeric), the HS 2022 tree, ISO 4217 currencies, exchange rates
 * and source keys.
 */
public final class ReferenceData {

    /** UN Comtrade and CEPII BACI use their own numeric codes for these five countries; ISO's are on the right. */
    private static final Map<Integer, Integer> COMTRADE_NUMERIC = Map.of(842, 840, 251, 250, 579, 578, 699, 356, 757, 756);

    private final Set<String> alpha2 = new HashSet<>();
    private final Map<String, String> alpha3 = new HashMap<>();
    private final Map<Integer, String> numeric = new HashMap<>();
    private final Set<String> productCodes = new HashSet<>();
    private final ExchangeRateTable rates;
    private final Map<String, Long> sources = new HashMap<>();

    private ReferenceData(ExchangeRateTable rates) {
        this.rates = rates;
    }

    public static ReferenceData load(Connection c) throws SQLException {
        try {
            return read(c);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                throw new IllegalStateException("The database has no Tradeflows schema: start the service once on it, "
                        + "it migrates the database and loads the reference data.", e);
            }
            throw e;
        }
    }

    private static ReferenceData read(Connection c) throws SQLException {
        ReferenceData data = new ReferenceData(ExchangeRateTable.load(c));
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select code, alpha3, numeric_code from country")) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    data.alpha2.add(code);
                    data.alpha3.put(rs.getString(2), code);
                    data.numeric.put(rs.getInt(3), code);
                }
            }
            try (ResultSet rs = st.executeQuery("select code from product_category where level <> 'SECTION'")) {
                while (rs.next()) {
                    data.productCodes.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("select key, id from source")) {
                while (rs.next()) {
                    data.sources.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        if (data.alpha2.isEmpty() || data.productCodes.isEmpty()) {
            throw new IllegalStateException("The reference data (countries, HS codes) is not loaded: start the service "
                    + "once, it migrates the database and loads them.");
        }
        return data;
    }

    /** The ISO alpha-2 code for an alpha-2 or alpha-3 code in any case, or null when it names no known country. */
    public String country(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && alpha2.contains(upper)) {
            return upper;
        }
        if (upper.length() == 3) {
            return alpha3.get(upper);
        }
        return null;
    }

    /** The alpha-2 code for an ISO 3166 numeric code, accepting the codes UN Comtrade and BACI use instead of ISO's. */
    public String countryByNumeric(int code) {
        return numeric.get(COMTRADE_NUMERIC.getOrDefault(code, code));
    }

    /** True when the HS 2022 tree has this chapter, heading or subheading. */
    public boolean hasProduct(String code) {
        return productCodes.contains(code);
    }

    public static boolean isCurrency(String code) {
        if (code.length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public ExchangeRateTable rates() {
        return rates;
    }

    public Long sourceId(String key) {
        return sources.get(key);
    }

    public void addSource(String key, long id) {
        sources.put(key, id);
    }

    /** Units of the currency per EUR for a figure of a period of this kind (see {@link ExchangeRateTable}), or null. */
    public BigDecimal unitsPerEur(String currency, String periodKind, LocalDate on) {
        return rates.unitsPerEur(currency, periodKind, on);
    }
}
