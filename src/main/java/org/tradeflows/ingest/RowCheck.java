package org.tradeflows.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tradeflows.ingest.reference.ReferenceData;

/**
 * Checks the values of one row, collecting every problem (line, column, reason, value) rather than stopping at the
 * first, so that a curator fixes a row once. Each method returns the parsed value, or null when it is absent or bad.
 */
public final class RowCheck {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final long line;
    private final LocalDate today;
    private final List<Rejection> problems = new ArrayList<>(2);

    public RowCheck(long line, LocalDate today) {
        this.line = line;
        this.today = today;
    }

    public long line() {
        return line;
    }

    public LocalDate today() {
        return today;
    }

    public void problem(String column, String reason, String value) {
        problems.add(new Rejection(line, column, reason, value == null ? null : shorten(value)));
    }

    private static String shorten(String value) {
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<Rejection> problems() {
        return problems;
    }

    public String required(String column, String value) {
        if (value.isEmpty()) {
            problem(column, "required value is missing", value);
            return null;
        }
        return value;
    }

    /** A non-negative decimal with '.' as separator, at most {@code scale} decimals and {@code precision} digits. */
    public BigDecimal decimal(String column, String value, int precision, int scale, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                problem(column, "required value is missing", value);
            }
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            if (value.startsWith("-") && DECIMAL.matcher(value.substring(1)).matches()) {
                problem(column, "must not be negative", value);
            } else {
                problem(column, "not a number (digits with '.' as decimal separator, no thousands separators)", value);
            }
            return null;
        }
        BigDecimal d = new BigDecimal(value);
        if (d.scale() > scale) {
            problem(column, "more than " + scale + " decimal places", value);
            return null;
        }
        if (d.precision() - d.scale() > precision - scale) {
            problem(column, "too large (at most " + (precision - scale) + " digits before the decimal point)", value);
            return null;
        }
        return d;
    }

    /** An ISO date (YYYY-MM-DD) that exists, is not before 1900 and not in the future. */
    public LocalDate date(String column, String value, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                problem(column, "required value is missing", value);
            }
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(column, value.matches("\\d{4}-\\d{2}-\\d{2}") ? "not a real date" : "not a date (YYYY-MM-DD)", value);
            return null;
        }
        return inRange(column, d, value) ? d : null;
    }

    public boolean inRange(String column, LocalDate d, String value) {
        if (d.isAfter(today)) {
            problem(column, "date is in the future", value);
            return false;
        }
        if (d.isBefore(EARLIEST)) {
            problem(column, "date is before 1900", value);
            return false;
        }
        return true;
    }

    /** An ISO 3166 country given as alpha-2 or alpha-3; returns alpha-2. */
    public String country(String column, String value, ReferenceData reference, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                problem(column, "required value is missing", value);
            }
            return null;
        }
        String code = reference.country(value);
        if (code == null) {
            problem(column, "not an ISO 3166 country code", value);
        }
        return code;
    }

    /** An ISO 4217 currency code in upper case. */
    public String currency(String column, String value, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                problem(column, "required value is missing", value);
            }
            return null;
        }
        if (!value.matches("[A-Z]{3}") || !ReferenceData.isCurrency(value)) {
            problem(column, "not an ISO 4217 currency code", value);
            return null;
        }
        return value;
    }
}
