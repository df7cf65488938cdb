package org.tradeflows.model;

import java.math.BigDecimal;

/**
 * One candidate transit country of a re-routing question, from one source: both legs in the year before and the year
 * after, their growth in per cent, and the transit country's share of the destination's imports of the same goods.
 * An empty value means no figure, never 0.
 */
public record TransitRouteRecord(String via, long sourceId, BigDecimal originToViaBefore, BigDecimal originToViaAfter,
        BigDecimal originToViaGrowth, BigDecimal viaToDestinationBefore, BigDecimal viaToDestinationAfter,
        BigDecimal viaToDestinationGrowth, BigDecimal destinationImportsBefore, BigDecimal destinationImportsAfter,
        BigDecimal shareBefore, BigDecimal shareAfter) {
}
