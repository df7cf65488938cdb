package org.tradeflows.ingest.volume;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.reference.ReferenceData;

/** Checks shared by the official-statistics formats: countries given by code, amounts, exchange rates. */
final class StatisticsCodes {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    /** A country, or why the code is not one: {@code skip} for an aggregate (World, areas n.e.s.), else a problem. */
    record Country(String code, String skip) {
    }

    private StatisticsCodes() {
    }

    static Country numeric(String value, String column, RowCheck check, ReferenceData reference) {
        if (value.isEmpty()) {
            check.problem(column, "required value is missing", value);
            return new Country(null, null);
        }
        int code;
        try {
            code = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            check.problem(column, "not a numeric country code", value);
            return new Country(null, null);
        }
        if (code == 0) {
            return new Country(null, "World (code 0) is not a country");
        }
        String alpha2 = reference.countryByNumeric(code);
        return alpha2 != null ? new Country(alpha2, null)
                : new Country(null, "numeric code " + code + " is not an ISO 3166 country (an area or group)");
    }

    /** An ISO alpha-3 code; letters-and-digits codes such as W00 or X1 are Comtrade's aggregates. */
    static Country alpha3(String value, String column, RowCheck check, ReferenceData reference) {
        String v = value.trim();
        if (!v.matches("[A-Za-z]{3}")) {
            return new Country(null, "'" + v + "' is an aggregate (World, areas n.e.s.), not a country");
        }
        String alpha2 = reference.country(v);
        if (alpha2 == null) {
            check.problem(column, "not an ISO 3166 alpha-3 code", value);
        }
        return new Country(alpha2, null);
    }

    /** A non-negative amount; decimals beyond {@code scale} are rounded (statistics often carry more than cents). */
    static BigDecimal amount(String value, String column, RowCheck check, boolean required, int scale) {
        String v = value.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("NA")) {
            if (required) {
                check.problem(column, "required value is missing", value);
            }
            return null;
        }
        if (!NUMBER.matcher(v).matches()) {
            check.problem(column, v.startsWith("-") ? "must not be negative" : "not a number", value);
            return null;
        }
        BigDecimal d = new BigDecimal(v).setScale(scale, RoundingMode.HALF_UP);
        if (d.precision() - d.scale() > 24 - scale) {
            check.problem(column, "too large", value);
            return null;
        }
        return d;
    }

    /** The year as a period, checked to be real and not in the future. */
    static LocalDate year(String value, String column, RowCheck check) {
        if (!value.matches("[0-9]{4}")) {
            check.problem(column, "not a year (YYYY)", value);
            return null;
        }
        LocalDate start = LocalDate.of(Integer.parseInt(value), 1, 1);
        return check.inRange(column, start, value) ? start : null;
    }

    static BigDecimal rate(String currency, String periodKind, LocalDate on, String column, RowCheck check,
            ReferenceData reference) {
        BigDecimal rate = reference.unitsPerEur(currency, periodKind, on);
        if (rate == null) {
            check.problem(column, "no exchange rate for " + currency + " in "
                    + ("MONTH".equals(periodKind) ? on.toString().substring(0, 7) : String.valueOf(on.getYear()))
                    + " (load exchange rates first)", currency);
        }
        return rate;
    }
}
