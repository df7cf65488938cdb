package org.tradeflows.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One supplier's shipments to recipients under a listing in force, beside everything it shipped in the scope. */
public record SupplierExposureRecord(long supplierId, BigDecimal exposedValueEur, long exposedShipments,
        LocalDate firstDate, LocalDate lastDate, BigDecimal valueEur, long shipments, BigDecimal share) {
}
