package org.tradeflows.model;

/** A partner country of a country's shipments, in one direction, with the totals between the two. */
public record PartnerTotalRecord(TradeFlow direction, FlowMeasuresRecord totals, String partnerCode) {
}
