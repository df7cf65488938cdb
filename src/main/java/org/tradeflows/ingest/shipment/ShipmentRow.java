package org.tradeflows.ingest.shipment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tradeflows.ingest.company.CompanyResolver.Party;

/** One valid row of a shipment CSV, before its parties are resolved to companies. */
record ShipmentRow(long line, long sourceId, String sourceRef, Party supplier, Party recipient,
        List<Party> intermediaries, String originCountry, String destinationCountry, LocalDate periodStart,
        LocalDate periodEnd, String hsCode, String productCode, String description, BigDecimal value, String currency,
        BigDecimal eurRate, BigDecimal usdRate, String qualifier, BigDecimal quantity, String quantityUnit,
        BigDecimal netWeightKg) {
}
