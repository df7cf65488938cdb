package org.tradeflows.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One hop of a supply path: every shipment from one company to the next on one date in the path's HS code, their EUR
 * value and its precision, and the listings of the supplier and of the recipient in force on that date.
 */
public record SupplyHopRecord(int position, long supplierId, long recipientId, String recipientCountry, LocalDate date,
        String hsCode, BigDecimal valueEur, ValueQualifier valueQualifier, long shipmentCount, long shipmentsWithoutEur,
        List<Long> shipmentIds, List<Long> supplierSanctionIds, List<Long> recipientSanctionIds) {
}
