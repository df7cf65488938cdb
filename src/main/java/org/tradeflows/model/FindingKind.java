package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What a finding reports.")
public enum FindingKind {
    @Description("A country-level trade total as reported.")
    TRADE_TOTAL,
    @Description("A figure about a set of company-level flows.")
    FLOW_SET,
    @Description("A flow between named companies as reported.")
    COMPANY_FLOW,
    @Description("Which goods were sent.")
    GOODS,
    @Description("A production figure.")
    PRODUCTION,
    @Description("A number of companies.")
    COMPANY_COUNT
}
