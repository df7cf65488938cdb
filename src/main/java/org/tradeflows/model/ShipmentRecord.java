package org.tradeflows.model;

import java.math.BigDecimal;

/** A shipment as stored, with database ids and codes; the API's Shipment is made from it. */
public record ShipmentRecord(long id, String sourceRecordRef, String supplierDeclaredName, String recipientDeclaredName,
        PeriodRecord period, String hsCode, String description, AmountRecord value, BigDecimal valueEur,
        BigDecimal valueUsd, BigDecimal quantity, String quantityUnit, BigDecimal netWeightKg, boolean synthetic,
        Long supplierId, Long recipientId, String supplierCountryCode, String recipientCountryCode,
        String originCountryCode, String destinationCountryCode, String productCode, long sourceId, long releaseId) {
}
