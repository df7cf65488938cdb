package org.tradeflows.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Measures of a set of shipments as PostgreSQL sums them; the api type {@code FlowMeasures} adds the worded figure. */
public record FlowMeasuresRecord(BigDecimal valueEur, BigDecimal valueUsd, ValueQualifier valueQualifier, long shipmentCount,
        long shipmentsWithoutEur, BigDecimal netWeightKg, Long distinctSuppliers, Long distinctRecipients, LocalDate firstDate,
        LocalDate lastDate, BigDecimal shareOfTotal) {
}
