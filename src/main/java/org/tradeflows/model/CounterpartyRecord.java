package org.tradeflows.model;

/** A company on the other side of a company's shipments, in one direction, with the totals between the two. */
public record CounterpartyRecord(CompanyRole role, FlowMeasuresRecord totals, long companyId) {
}
