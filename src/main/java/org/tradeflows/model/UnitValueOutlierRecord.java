package org.tradeflows.model;

import java.math.BigDecimal;

/**
 * A shipment whose unit value lies far from those of its peers (the shipments of the same HS6, calendar year and, per
 * unit, quantity unit): how far (the modified z-score) and against what (median, MAD, number of peers).
 */
public record UnitValueOutlierRecord(long shipmentId, String hs6, int year, String unit, BigDecimal unitValue,
        BigDecimal median, BigDecimal mad, long peers, BigDecimal modifiedZ) {
}
