package org.tradeflows.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One period and product code of a mirror comparison: the exporter's side and the importer's side (either may be
 * missing: null, never 0), the gap (importer minus exporter) and how it stands against the usual band.
 */
public record MirrorGapRecord(LocalDate periodStart, LocalDate periodEnd, String productCode, Side exported,
        Side imported, BigDecimal gapValueEur, BigDecimal gapPercent, MirrorGapFlag flag) {

    /** What one country reported, from one source, as of its latest release among the figures summed. */
    public record Side(long sourceId, long releaseId, BigDecimal valueEur, BigDecimal valueUsd, long figureCount) {
    }
}
