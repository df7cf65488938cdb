package org.tradeflows.model;

/** A party a shipment passed through, at its position from the supplier (1 first). */
public record ShipmentIntermediaryRecord(int position, long shipmentId, Long companyId, String countryCode) {
}
