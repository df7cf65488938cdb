package org.tradeflows.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A group of official trade figures of one reporter, flow and source, summed over the other dimensions grouped by.
 * Countries, products and the source are named by their database keys; the api type {@code TradeVolumeGroup} adds the
 * worded figure. {@code rateKeys} name the conversions of its figures not given in EUR (see {@link RateUsed}).
 */
public record TradeVolumeGroupRecord(TradeFlow flow, boolean allGoods, Integer year, String quarter, String month,
        BigDecimal valueEur, BigDecimal valueUsd, ValueQualifier valueQualifier, long figureCount, long figuresWithoutEur,
        BigDecimal netWeightKg, LocalDate firstDate, LocalDate lastDate, BigDecimal shareOfTotal, String reporterCode,
        String partnerCode, long sourceId, String sectionCode, String hs2Code, String hs4Code, String hs6Code,
        List<String> rateKeys) {
}
