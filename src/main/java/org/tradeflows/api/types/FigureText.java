package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.tradeflows.model.ValueQualifier;

/** Renders figures the way a fact box says them: "at least EUR 55 million", "more than 2,000 drones". */
final class FigureText {

    private FigureText() {
    }

    static String money(BigDecimal amount, String currency, ValueQualifier qualifier) {
        return prefix(qualifier) + currency + " " + scaled(amount);
    }

    static String count(long value, String unit, ValueQualifier qualifier) {
        return prefix(qualifier) + grouped(BigDecimal.valueOf(value)) + " " + unit;
    }

    static String prefix(ValueQualifier qualifier) {
        return switch (qualifier) {
            case EXACT -> "";
            case AT_LEAST -> "at least ";
            case MORE_THAN -> "more than ";
            case APPROXIMATE -> "about ";
            case ESTIMATED -> "an estimated ";
        };
    }

    private static String scaled(BigDecimal amount) {
        BigDecimal abs = amount.abs();
        if (abs.compareTo(new BigDecimal("1e12")) >= 0) {
            return plain(amount.divide(new BigDecimal("1e12"))) + " trillion";
        }
        if (abs.compareTo(new BigDecimal("1e9")) >= 0) {
            return plain(amount.divide(new BigDecimal("1e9"))) + " billion";
        }
        if (abs.compareTo(new BigDecimal("1e6")) >= 0) {
            return plain(amount.divide(new BigDecimal("1e6"))) + " million";
        }
        return grouped(amount.setScale(0, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal v) {
        return v.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String grouped(BigDecimal v) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
}
