package org.tradeflows.model;

import java.math.BigDecimal;
import java.util.List;

/** A chain of hops from one end to the other; its value is the least hop value in EUR, empty if a hop has none. */
public record SupplyPathRecord(String originCountry, BigDecimal valueEur, List<SupplyHopRecord> hops) {
}
