package org.tradeflows.model;

import java.math.BigDecimal;

/** An official trade figure as stored, with database ids and codes; the API's TradeVolume is made from it. */
public record TradeVolumeRecord(long id, TradeFlow flow, PeriodKind periodKind, PeriodRecord period, AmountRecord value,
        BigDecimal valueEur, BigDecimal valueUsd, BigDecimal netWeightKg, BigDecimal quantity, String quantityUnit,
        String note, String reporterCode, String partnerCode, String productCode, long sourceId, long releaseId) {
}
