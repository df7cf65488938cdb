package org.tradeflows.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a scope of shipments sent, and what of it went to recipients under a confirmed listing in force at the
 * shipment's date. Sums are in EUR of the shipments that have a EUR value; the counts without one say how many not.
 */
public record SanctionsExposureRecord(BigDecimal valueEur, long shipments, long shipmentsWithoutEur,
        BigDecimal exposedValueEur, long exposedShipments, long exposedWithoutEur, LocalDate firstDate, LocalDate lastDate,
        BigDecimal share) {
}
