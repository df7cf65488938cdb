package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of publication a source is.")
public enum SourceKind {
    @Description("Official statistics (customs, statistical offices), possibly as quoted by a report.")
    OFFICIAL_STATISTICS,
    @Description("Customs or shipment-level records.")
    CUSTOMS_RECORDS,
    @Description("An investigation by journalists or researchers.")
    INVESTIGATION,
    @Description("A news report.")
    NEWS_REPORT,
    @Description("A sanctions or export-control list.")
    SANCTIONS_LIST,
    @Description("A company registry.")
    REGISTRY,
    @Description("A reference classification or code list.")
    REFERENCE,
    @Description("Exchange rates.")
    EXCHANGE_RATES,
    @Description("The data team's own research notes.")
    RESEARCH_NOTES,
    @Description("Generated data for tests and benchmarks, never facts.")
    SYNTHETIC
}
