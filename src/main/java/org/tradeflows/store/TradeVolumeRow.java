package org.tradeflows.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One valid row of official statistics, as staged ({@link TradeVolumeStaging}): a reporter's declared flow with a
 * partner, over a year or a month, and the rates it converts at.
 */
public record TradeVolumeRow(long line, String reporter, String partner, String flow, String periodKind, LocalDate periodStart,
        LocalDate periodEnd, String productCode, BigDecimal value, String currency, BigDecimal eurRate,
        BigDecimal usdRate, String qualifier, BigDecimal netWeightKg, BigDecimal quantity, String quantityUnit,
        String note) {
}
