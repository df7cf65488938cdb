package org.tradeflows.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The exchange rate a figure was converted at, as {@code conversion_rate} (V14) picked it for the figure's currency
 * and period: the key is what the figure says ({@code currency/period kind/period start}), the rest the rate row.
 */
public record RateUsed(String key, String currency, BigDecimal unitsPerEur, RateKind kind, LocalDate periodStart,
        long sourceId) {

    /** The key of a figure's conversion, or null when nothing was converted (EUR, or no rate). */
    public static String keyOf(String currency, String periodKind, LocalDate periodStart, boolean hasEur) {
        return hasEur && !"EUR".equals(currency) ? currency + "/" + periodKind + "/" + periodStart : null;
    }
}
