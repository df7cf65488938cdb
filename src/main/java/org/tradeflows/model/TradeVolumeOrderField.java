package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What official trade groups can be ordered by.")
public enum TradeVolumeOrderField {
    @Description("Sum in EUR.")
    VALUE_EUR,
    @Description("Sum in USD.")
    VALUE_USD,
    @Description("Number of figures.")
    FIGURE_COUNT,
    @Description("Sum of net weights.")
    NET_WEIGHT,
    @Description("Earliest period start.")
    FIRST_DATE,
    @Description("Latest period end.")
    LAST_DATE,
    @Description("Share of the total.")
    SHARE,
    @Description("Reporter code.")
    REPORTER,
    @Description("Partner code.")
    PARTNER,
    @Description("Flow.")
    FLOW,
    @Description("Source (by id).")
    SOURCE,
    @Description("HS section.")
    SECTION,
    @Description("HS chapter.")
    HS2,
    @Description("HS heading.")
    HS4,
    @Description("HS subheading.")
    HS6,
    @Description("Year.")
    YEAR,
    @Description("Quarter.")
    QUARTER,
    @Description("Month.")
    MONTH
}
