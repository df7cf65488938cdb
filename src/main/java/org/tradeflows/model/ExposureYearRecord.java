package org.tradeflows.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Exposure to one authority's listings in one calendar year, beside everything the scope shipped that year. */
public record ExposureYearRecord(SanctionAuthority authority, int year, BigDecimal valueEur, long shipments,
        long shipmentsWithoutEur, LocalDate firstDate, LocalDate lastDate, BigDecimal yearTotalEur, BigDecimal share) {
}
