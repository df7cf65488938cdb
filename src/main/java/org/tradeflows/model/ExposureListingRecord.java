package org.tradeflows.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One listing met by a scope's shipments while it was in force: the first and last such shipment, how long after the
 * listing the first went, and what they were worth.
 */
public record ExposureListingRecord(long sanctionId, long recipientId, SanctionAuthority authority, String program,
        LocalDate listedOn, LocalDate endedOn, LocalDate firstDate, LocalDate lastDate, Integer daysAfterListing,
        BigDecimal valueEur, long shipments, long shipmentsWithoutEur) {
}
